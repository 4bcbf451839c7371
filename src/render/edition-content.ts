/**
 * An edition's whole content as one HTML fragment with absolute URLs, for
 * places that are not its web page: feeds and the email edition. Built from
 * the same model as the page, so they never drift.
 */
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { sayFor } from '../i18n/say.ts';
import { formatDateTime } from '../rules/dates.ts';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { elsewhereTree } from './html.ts';
import { sectionThreads, threadLine } from '../model/threads.ts';
import { absolute, fragment, paths } from '../site/urls.ts';

import { escapeHtml } from './escape.ts';

// Feeds and both emails of an edition start from its content: made once per edition and settings
// (as HTML only when a feed asks: the emails read the tree).
const made = new WeakMap<Edition, { site: SiteSettings; tree: Root; html?: string }>();

function content(edition: Edition, site: SiteSettings): { tree: Root; html?: string } {
  const known = made.get(edition);
  if (known?.site === site) return known;
  const result = { site, tree: contentTree(edition, site) };
  made.set(edition, result);
  return result;
}

/** The intro, a contents list and every section with the threads it links. */
export function editionContentHtml(edition: Edition, site: SiteSettings): string {
  const known = content(edition, site);
  return (known.html ??= toHtml(known.tree));
}

/** `editionContentHtml` as a tree (read it, do not change it: it is shared). */
export function editionContentTree(edition: Edition, site: SiteSettings): Root {
  return content(edition, site).tree;
}

function contentTree(edition: Edition, site: SiteSettings): Root {
  const say = sayFor(site.lang);
  const pageUrl = absolute(paths.edition(edition.number));
  const contents = edition.sections
    .map((s) => `<li><a href="${escapeHtml(fragment(s.id))}">${escapeHtml(s.title)}</a></li>`)
    .join('');
  const sections = edition.sections.map((section) => {
    const threads = sectionThreads(edition, section)
      .map((t) => `<li><a href="${escapeHtml(t.url)}">${escapeHtml(threadLine(t, site.timeZone, site.lang))}</a></li>`)
      .join('');
    return `${section.html}${threads ? `<p><strong>${escapeHtml(say('discussion'))}</strong></p><ul>${threads}</ul>` : ''}`;
  });
  const html = [
    `<h2>${escapeHtml(say('inThisEdition'))}</h2>`,
    edition.introHtml,
    contents ? `<ol>${contents}</ol>` : '',
    ...sections,
  ].join('\n');
  return elsewhereTree(html, pageUrl);
}

/** "Edition 2, March 22, 2026, 12:14 PM". */
export function editionDateline(edition: Edition, site: SiteSettings): string {
  const date = formatDateTime(edition.date, edition.hasTime, site.timeZone, site.lang);
  return sayFor(site.lang)('dateline', { n: edition.number, date });
}
