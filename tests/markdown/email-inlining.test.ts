/**
 * The email's inliner (`src/render/email-styles.ts`) against juice, a
 * general CSS inliner, over every CommonMark and GFM example and the
 * fixtures' editions, left-to-right and right-to-left: juice, given the same
 * stylesheet and the email without its inline styles, must put the same
 * styles and presentational attributes on every element.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import juice from 'juice';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { emailHtml } from '../../src/render/email.ts';
import { emailInlineCss, emailMediaCss } from '../../src/render/email-styles.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { getSite } from '../../src/site/settings.ts';
import { corpusEditions } from '../support/corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = ['tests/fixtures/kitchen-sink/editions', 'tests/fixtures/site/editions'];

/** Every element's tag, attributes and style, in document order. */
function elements(html: string): string[] {
  const list: string[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    list.push(`<${node.tagName}> ${JSON.stringify(Object.entries(node.properties).sort())}`);
  });
  return list;
}

/** What juice makes of our email with its inline styles taken out and the whole stylesheet put back. */
function juiced(email: string, site: SiteSettings): string {
  const bare = email
    .replace(/ style="[^"]*"/g, '')
    .replace(
      /<style>[\s\S]*?<\/style>/,
      `<style>${emailInlineCss(site.accent)}\n${emailMediaCss(site.accent)}</style>`,
    );
  return juice(bare, {
    preserveMediaQueries: true,
    removeStyleTags: true,
    applyWidthAttributes: true,
    applyHeightAttributes: false,
  });
}

const editions: [string, string][] = [
  ...corpusEditions().map((e): [string, string] => [e.name, e.text]),
  ...FIXTURES.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f): [string, string] => [f, readFileSync(join(ROOT, dir, f), 'utf8')]),
  ),
];

describe('the email inliner gives what juice gives', () => {
  const base = getSite();
  it.each([
    ['left-to-right', base],
    ['right-to-left', { ...base, lang: 'ar' }],
  ])('%s, for every example and fixture edition', (_, site) => {
    const differ: string[] = [];
    let compared = 0;
    for (const [name, text] of editions) {
      const result = compileEdition(`x/${name}`, new TextEncoder().encode(text), {
        timeZone: site.timeZone,
        lang: site.lang,
      });
      if (!result.edition) continue;
      compared++;
      const email = emailHtml(result.edition, site);
      const ours = elements(email);
      const theirs = elements(juiced(email, site));
      const at = ours.findIndex((element, i) => element !== theirs[i]);
      if (at >= 0 || ours.length !== theirs.length) differ.push(`${name}: ours ${ours[at]}, juice ${theirs[at]}`);
    }
    expect(compared).toBeGreaterThan(650);
    expect(differ).toEqual([]);
  });
});
