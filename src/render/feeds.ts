/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same items. Every URL comes from `urls.ts`. */
import { createHash } from 'node:crypto';
import type { Edition, EditionSummary } from '../schemas/edition-model.ts';
import { editionHash, wholeEdition } from '../loader/loaded-editions.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { rfc822 } from '../rules/dates.ts';
import { editionContentHtml } from './edition-content.ts';
import { editionTitle, newestFirst } from '../model/editions.ts';
import { absolute, paths } from '../site/urls.ts';
import { escapeHtml } from './escape.ts';

/** One feed entry: an edition. */
export interface FeedItem {
  /** The edition's absolute URL, which is also its stable id. */
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** ISO date-time with offset. */
  published: string;
}

// The three feeds of a build share their items: the last ones made, by a hash of what they are made from.
let last: { key: string; items: FeedItem[] } | undefined;

/** The newest `site.feedItems` editions as feed items, newest first. */
export function feedItems(editions: readonly EditionSummary[], site: SiteSettings): FeedItem[] {
  const newest = newestFirst(editions).slice(0, site.feedItems);
  const key = createHash('sha256')
    .update(JSON.stringify([site, newest.map(editionHash)]))
    .digest('hex');
  if (last?.key !== key) last = { key, items: makeItems(newest.map(wholeEdition), site) };
  return last.items;
}

function makeItems(newest: readonly Edition[], site: SiteSettings): FeedItem[] {
  return newest.map((e) => ({
    url: absolute(paths.edition(e.number)),
    title: editionTitle(e, site.name, site.lang),
    summary: e.description,
    contentHtml: editionContentHtml(e, site),
    published: e.date,
  }));
}

/** Text as XML character data: escaped, and without the characters XML forbids. */
const xml = escapeHtml;

/** The feed's "updated": its newest item, so that two builds of one commit are identical. */
function updated(items: FeedItem[], fallback: string): string {
  return items[0]?.published ?? fallback;
}

/** RSS 2.0 with full content in `content:encoded`. */
export function rssFeed(items: FeedItem[], site: SiteSettings, fallbackDate: string): string {
  const entries = items.map(
    (i) => `    <item>
      <title>${xml(i.title)}</title>
      <link>${xml(i.url)}</link>
      <guid isPermaLink="true">${xml(i.url)}</guid>
      <pubDate>${rfc822(i.published)}</pubDate>
      <description>${xml(i.summary)}</description>
      <content:encoded>${xml(i.contentHtml)}</content:encoded>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xml(site.name)}</title>
    <link>${xml(absolute(paths.home()))}</link>
    <description>${xml(site.description)}</description>
    <language>${xml(site.lang)}</language>
    <lastBuildDate>${rfc822(updated(items, fallbackDate))}</lastBuildDate>
    <atom:link href="${xml(absolute(paths.feed('rss')))}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}

/** Atom 1.0 with full content. */
export function atomFeed(items: FeedItem[], site: SiteSettings, fallbackDate: string): string {
  const entries = items.map(
    (i) => `  <entry>
    <title>${xml(i.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(i.url)}"/>
    <id>${xml(i.url)}</id>
    <published>${i.published}</published>
    <updated>${i.published}</updated>
    <summary>${xml(i.summary)}</summary>
    <content type="html">${xml(i.contentHtml)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(site.lang)}">
  <title>${xml(site.name)}</title>
  <subtitle>${xml(site.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${xml(absolute(paths.home()))}"/>
  <link rel="self" type="application/atom+xml" href="${xml(absolute(paths.feed('atom')))}"/>
  <id>${xml(absolute(paths.home()))}</id>
  <updated>${updated(items, fallbackDate)}</updated>
  <author><name>${xml(site.publisher)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** JSON Feed 1.1. */
export function jsonFeed(items: FeedItem[], site: SiteSettings): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    home_page_url: absolute(paths.home()),
    feed_url: absolute(paths.feed('json')),
    description: site.description,
    language: site.lang,
    authors: [{ name: site.publisher }],
    items: items.map((i) => ({
      id: i.url,
      url: i.url,
      title: i.title,
      summary: i.summary,
      content_html: i.contentHtml,
      date_published: i.published,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
