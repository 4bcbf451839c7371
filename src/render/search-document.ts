/**
 * What the search index reads of an edition: the searchable part of its page
 * (`data-pagefind-body`: the title and date, "In This Edition" and the intro,
 * every story with its heading), made from the model as the feeds and emails
 * are, so the index can be built while Astro is still rendering pages.
 * What the page marks `data-pagefind-ignore` (contents list, threads,
 * topics) is left out. `tests/build/search-index.test.ts` checks that
 * Pagefind indexes these documents exactly as it indexes the built pages.
 */
import { sayFor } from '../i18n/say.ts';
import { editionTitle } from '../model/editions.ts';
import { formatDateTime } from '../rules/dates.ts';
import { PAGE_IDS } from '../rules/page-ids.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { escapeHtml } from './escape.ts';

/** An edition's search document, and where its page is, relative to the site's root. */
export interface SearchDocument {
  /** `editions/<n>/index.html`, from which Pagefind derives the page's URL. */
  path: string;
  html: string;
}

/** The searchable part of an edition's page, as a document of its own. */
export function searchDocument(edition: Edition, site: SiteSettings): SearchDocument {
  const say = sayFor(site.lang);
  const title = escapeHtml(editionTitle(edition, site.name, site.lang));
  const [before = '', after = ''] = say('dateline', { n: edition.number }).split('{date}');
  const date = formatDateTime(edition.date, edition.hasTime, site.timeZone, site.lang);
  const datetime = edition.hasTime ? edition.date : edition.date.slice(0, 10);
  const stories = edition.sections
    .map((section) => `<section class="story" aria-labelledby="${escapeHtml(section.id)}">${section.html}</section>`)
    .join('');
  const html =
    `<!DOCTYPE html><html lang="${escapeHtml(site.lang)}" dir="${say.strings.dir}"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<article class="edition" data-pagefind-body><header class="edition-header"><h1>${title}</h1>` +
    `<p class="edition-meta" data-pagefind-meta="${escapeHtml(`date:${edition.date}`)}">${escapeHtml(before)}<time datetime="${escapeHtml(datetime)}">${escapeHtml(date)}</time>${escapeHtml(after)}</p></header>` +
    `<section class="intro" aria-labelledby="${PAGE_IDS.intro}"><h2 id="${PAGE_IDS.intro}">${escapeHtml(say('inThisEdition'))}</h2>${edition.introHtml}\n</section>` +
    `${stories}</article></body></html>`;
  return { path: `editions/${edition.number}/index.html`, html };
}
