/**
 * Every output made from one edition outside its web page — email HTML and
 * text, RSS, Atom and JSON Feed items, the social image — and the words a
 * reader must find in each, for the corpus and property tests.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { emailHtml, emailText } from '../../src/render/email.ts';
import { atomFeed, feedItems, jsonFeed, rssFeed } from '../../src/render/feeds.ts';
import type { Edition, Section } from '../../src/schemas/edition-model.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';

/** What one edition becomes, besides its page. */
export interface Outputs {
  emailHtml: string;
  emailText: string;
  rss: string;
  atom: string;
  json: string;
}

/** Makes every text output of an edition, as the build does. */
export function outputsOf(edition: Edition, site: SiteSettings): Outputs {
  const items = feedItems([edition], site);
  return {
    emailHtml: emailHtml(edition, site),
    emailText: emailText(edition, site),
    rss: rssFeed(items, site, edition.date),
    atom: atomFeed(items, site, edition.date),
    json: jsonFeed(items, site),
  };
}

/** The text a reader sees in some HTML, without the heading permalinks' screen-reader labels. */
export function visibleText(html: string): string {
  // Blocks are apart on screen: keep their words apart in the text too.
  const spaced = html.replace(
    /<\/(p|div|dt|dd|li|h[1-6]|tr|td|th|blockquote|pre|figcaption|summary|section|table)>/g,
    '$& ',
  );
  const tree: Root = fromHtml(spaced, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    const className = node.properties['className'];
    if (parent && index !== undefined && Array.isArray(className) && className.includes('anchor')) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toString(tree);
}

/** The words of a section (runs of 3+ letters or digits), which every output must keep. */
export function sectionWords(section: Section): string[] {
  return [...new Set(visibleText(section.html).match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
}

/** Words of `words` that `text` does not contain. */
export function missingWords(words: readonly string[], text: string): string[] {
  return words.filter((word) => !text.includes(word));
}

/** Parse errors an HTML document has (none for anything we serialise from a tree). */
export function htmlParseErrors(html: string): string[] {
  const errors: string[] = [];
  fromHtml(html, {
    onerror: (error) => {
      errors.push(`${error.ruleId}: ${error.reason}`);
    },
  });
  return errors;
}

/** The text of a JSON Feed item's HTML. */
export function jsonFeedText(json: string): string {
  const feed = JSON.parse(json) as { items: { content_html: string }[] };
  return feed.items.map((item) => visibleText(item.content_html)).join('\n');
}

export type { ElementContent };
