/**
 * What the link-preview image says, apart from how it is drawn
 * (`social-image.ts`): every text comes from the site's settings and
 * strings table, so a test can check the image has no English left.
 */
import { sayFor } from '../i18n/say.ts';
import { formatDate } from '../rules/dates.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';

/** Every text the image draws (before it is cut to fit), in the site's language. */
export interface SocialTexts {
  /** The newsletter's name, at the top. */
  name: string;
  /** "Edition 12 · March 22, 2026", or the site's tagline on the site image. */
  dateline: string;
  /** The headline (or the site's description); null when story titles are shown instead. */
  headline: string | null;
  /** Up to four story titles. */
  titles: string[];
  /** "and 3 more" when there are more than four stories. */
  more: string | null;
}

/** What the image of an edition (or of the site, when `edition` is undefined) says. */
export function socialImageTexts(edition: EditionSummary | undefined, site: SiteSettings): SocialTexts {
  const say = sayFor(site.lang);
  const base = { name: site.name, titles: [], more: null };
  if (!edition) return { ...base, dateline: site.tagline ?? say('socialTagline'), headline: site.description };
  const dateline = say('socialDateline', {
    n: edition.number,
    date: formatDate(edition.date, site.timeZone, site.lang),
  });
  if (edition.headline || edition.sections.length === 0)
    return { ...base, dateline, headline: edition.headline ?? say('editionNumber', { n: edition.number }) };
  const extra = edition.sections.length - 4;
  return {
    ...base,
    dateline,
    headline: null,
    titles: edition.sections.slice(0, 4).map((s) => s.title),
    more: extra > 0 ? say.count('andMore', extra) : null,
  };
}
