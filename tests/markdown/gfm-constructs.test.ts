/**
 * A text is parsed without looking for the GFM constructs it cannot hold
 * (`gfmConstructsIn`, `src/markdown/remark-gfm-subset.ts`): the tree is the
 * same, positions included, as when every construct is looked for.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import matter from 'gray-matter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import remarkGfmSubset, { gfmConstructsIn, type GfmConstructs } from '../../src/markdown/remark-gfm-subset.ts';
import { corpusExamples, KITCHEN_SINK } from '../support/corpus.ts';

const ALL: GfmConstructs = { tables: true, emails: true };
const parser = (constructs: GfmConstructs) => unified().use(remarkParse).use(remarkGfmSubset, constructs).freeze();
const everything = parser(ALL);
const tree = (text: string, constructs = gfmConstructsIn(text)) => parser(constructs).parse(text);

const texts = [
  ...corpusExamples().map(({ name, example }) => ({ name, text: example.markdown })),
  { name: 'kitchen sink', text: matter(readFileSync(KITCHEN_SINK, 'utf8')).content },
  { name: 'Edition 2', text: readFileSync('content/editions/2026-03-22-edition-2.md', 'utf8') },
  ...[1, 2, 3].map((n) => ({ name: `bench edition ${n}`, text: matter(syntheticEdition(n)).content })),
];

describe('looking only for the GFM constructs a text can hold', () => {
  it('gives the tree of looking for all of them, for every spec example, the kitchen sink and the bench editions', () => {
    const left = (key: keyof GfmConstructs) => texts.filter(({ text }) => !gfmConstructsIn(text)[key]).length;
    // Both shortcuts are taken, and not for every text.
    expect(left('tables')).toBeGreaterThan(100);
    expect(left('emails')).toBeGreaterThan(100);
    expect(left('tables')).toBeLessThan(texts.length);
    expect(left('emails')).toBeLessThan(texts.length);
    for (const { name, text } of texts) expect(tree(text), name).toEqual(everything.parse(text));
  });

  it('gives the same tree for random text made of what tables, autolinks and emphasis are made of', () => {
    const piece = fc.constantFrom(
      ...['a', 'b c', 'www', '.', 'http', 's', '://', 'example.org', '@', '_', '+', '-', ':', '|', '~', '*', '\\'],
      ...['\n', '\n\n', '> ', '- ', '1. ', '    ', '`', '[', '](', ')', '<', '>', '&#64;', '#'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tree(text)).toEqual(everything.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds each construct where the text holds it', () => {
    const text = 'Write to team@example.org.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nx\n:-\n';
    expect(gfmConstructsIn(text)).toEqual(ALL);
    const found = tree(text);
    expect(found.children.map((node) => node.type)).toEqual(['paragraph', 'table', 'table']);
    const link = (root: typeof found) =>
      (root.children[0] as { children: { type: string; position?: unknown }[] }).children[1];
    expect(link(found)).toMatchObject({
      type: 'link',
      url: 'mailto:team@example.org',
      position: { start: { column: 10 } },
    });
    // Not looking for them would have lost both tables, and the address's place in the file (the link the
    // autolink transform makes from plain text has none): the shortcut is only safe because of the check.
    const without = tree(text, { tables: false, emails: false });
    expect(without.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(link(without)).toMatchObject({ type: 'link', url: 'mailto:team@example.org' });
    expect(link(without)?.position).toBeUndefined();
  });
});
