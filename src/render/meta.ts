/** What a page tells search engines, feed readers and link previews. */
import type { EditionSummary } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { editionTitle } from '../model/editions.ts';
import { absolute, paths } from '../site/urls.ts';

/** Link-preview facts about one page. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the preview image. */
  image: string;
  /** `article` for an edition, `website` otherwise. */
  type: 'article' | 'website';
  /** ISO date-time, for editions. */
  publishedTime?: string | undefined;
  /** schema.org JSON-LD, for editions. */
  jsonLd?: Record<string, unknown> | undefined;
}

/** Meta for a page that is not an edition. */
export function siteMeta(site: SiteSettings, title: string, description = site.description): PageMeta {
  return { title, description, image: absolute(paths.socialImage()), type: 'website' };
}

/** Meta for an edition page: its own preview image, publication time and a NewsArticle in JSON-LD. */
export function editionMeta(edition: EditionSummary, site: SiteSettings): PageMeta {
  const title = editionTitle(edition, site.name, site.lang);
  const image = absolute(paths.socialImage(edition.number));
  const url = absolute(paths.edition(edition.number));
  return {
    title,
    description: edition.description,
    image,
    type: 'article',
    publishedTime: edition.date,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title,
      inLanguage: site.lang,
      description: edition.description,
      datePublished: edition.date,
      url,
      mainEntityOfPage: url,
      image: [image],
      isPartOf: { '@type': 'Periodical', name: site.name, url: absolute(paths.home()) },
      publisher: { '@type': 'Organization', name: site.publisher },
      author: { '@type': 'Organization', name: site.publisher },
      articleSection: edition.sections.map((s) => s.title),
    },
  };
}
