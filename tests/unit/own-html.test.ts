/**
 * Reading back our own HTML without parse5 (`src/render/own-html.ts`) gives
 * the tree parse5 gives, or gives up: over every edition the format accepts,
 * HTML built to trip a reader (implied tags, tables, `<pre>`), and random
 * trees and tag soup.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { parseOwnHtml } from '../../src/render/own-html.ts';
import { corpusEditions, KITCHEN_SINK } from '../support/corpus.ts';

const SETTINGS = { timeZone: 'UTC', lang: 'en-US' };

/** parse5's tree, without the positions. */
function parse5Tree(html: string): Root {
  const strip = (node: Nodes): unknown => {
    const rest: Record<string, unknown> = { ...node };
    delete rest['position'];
    return 'children' in node ? { ...rest, children: node.children.map(strip) } : rest;
  };
  return strip(fromHtml(html, { fragment: true })) as Root;
}

/** Asserts that `html` is read as parse5 reads it, or given up on; says which. */
function check(html: string): 'read' | 'gave up' {
  const own = parseOwnHtml(html);
  if (own === null) return 'gave up';
  expect(own, html).toEqual(parse5Tree(html));
  return 'read';
}

/** Every intro and section an edition gives the emails and feeds to read. */
function fragmentsOf(text: string): string[] {
  const edition = compileEdition('e.md', new TextEncoder().encode(text), SETTINGS).edition;
  return edition ? [edition.introHtml, ...edition.sections.map((s) => s.html)] : [];
}

describe('reading our own HTML back', () => {
  it('reads every CommonMark and GFM example the format accepts as parse5 does, and gives up on few', () => {
    const outcomes = corpusEditions().flatMap((e) => fragmentsOf(e.text).map(check));
    expect(outcomes.length).toBeGreaterThan(1000);
    expect(outcomes.filter((o) => o === 'gave up').length).toBeLessThan(outcomes.length / 20);
  });

  it('reads the kitchen sink and the bench editions whole (no parse5 needed)', () => {
    for (const text of [readFileSync(KITCHEN_SINK, 'utf8'), syntheticEdition(1), syntheticEdition(3)])
      for (const html of fragmentsOf(text)) expect(check(html)).toBe('read');
  });

  it.each([
    ['a block inside a paragraph', '<p>a<div>b</div></p>'],
    ['a paragraph left open', '<p>a<p>b'],
    ['a list item outside a list', '<li>a</li>'],
    ['a list item in a list item', '<ul><li>a<li>b</li></li></ul>'],
    ['a row without a body', '<table><tr><td>a</td></tr></table>'],
    ['text in a table', '<table>x<tbody></tbody></table>'],
    ['a cell outside a table', '<td>a</td>'],
    ['a link in a link', '<a href="#x">a<a href="#y">b</a></a>'],
    ['a heading in a heading', '<h2>a<h3>b</h3></h2>'],
    ['misnested formatting', '<b><i>a</b></i>'],
    ['an unknown element', '<marquee>a</marquee>'],
    ['a textarea', '<textarea>\na</textarea>'],
    ['a comment', '<p>a<!-- b --></p>'],
    ['a named reference not written here', '<p>&copy; &ampx</p>'],
    ['a C1 control as a reference', '<p>&#x80;&#0;</p>'],
    ['a carriage return', '<p>a\r\nb</p>'],
    ['a single-quoted attribute', "<a href='#x'>a</a>"],
    ['a repeated attribute', '<a href="#x" href="#y">a</a>'],
    ['a self-closed element', '<span/>a'],
  ])('gives up on %s (or reads it as parse5 does)', (_, html) => {
    expect(check(html)).toBe('gave up');
  });

  it.each([
    ['a newline after <pre>', '<pre>\n\nkept</pre>'],
    ['a newline after <pre><code>', '<pre><code>\nkept</code></pre>'],
    ['references', '<p title="&#x22;q&#x22; &amp; &lt;">&#x3C;b&#x3E; &#x26; &#128512; &nbsp;</p>'],
    ['a table with whitespace', '<table>\n<thead>\n<tr>\n<th class="align-right">a</th>\n</tr>\n</thead>\n</table>'],
    [
      'void elements and booleans',
      '<p>a<br>b<img src="x.png" alt=""></p><video controls preload="none"><source src="v.mp4"></video>',
    ],
  ])('reads %s as parse5 does', (_, html) => {
    expect(check(html)).toBe('read');
  });

  // Elements of edition HTML, and those that make a parser imply tags.
  const TAGS =
    'p div span a em strong code pre ul ol li h2 h3 blockquote table tbody tr td br img details summary dl dt dd'.split(
      ' ',
    );
  const text = fc.stringMatching(/^[a-z <>&"\n\t#;]{0,8}$/);
  const tree: fc.Arbitrary<Nodes> = fc.letrec<{ node: Nodes }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((value) => ({ type: 'text' as const, value })),
      fc
        .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.option(text))
        .map(([tag, children, title]) => h(tag, title === null ? {} : { title }, children as never)),
    ),
  })).node;

  it('reads random trees as parse5 does, once serialised, or gives up', () => {
    fc.assert(
      fc.property(
        fc.array(tree, { maxLength: 5 }),
        (nodes) => void check(toHtml({ type: 'root', children: nodes as never })),
      ),
      {
        numRuns: 500,
      },
    );
  });

  it('reads random tag soup as parse5 does, or gives up', () => {
    const token = fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.constantFrom('&amp;', '&#x3C;', '\n', ' ', 'x', '<a href="#a">', '&#10;', '<pre>\n'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => void check(tokens.join(''))),
      { numRuns: 1000 },
    );
  });
});
