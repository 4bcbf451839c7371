/**
 * The plugins' own walk (`src/markdown/util/walk.ts`) sees what
 * `unist-util-visit` sees, in the same order, on every spec example and the
 * kitchen sink, in both trees.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes } from 'mdast';
import matter from 'gray-matter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import remarkGfmSubset from '../../src/markdown/remark-gfm-subset.ts';
import { eachElement, eachNode } from '../../src/markdown/util/walk.ts';
import { corpusExamples, KITCHEN_SINK } from '../support/corpus.ts';

const parse = unified().use(remarkParse).use(remarkGfmSubset).freeze();
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
const texts = [
  ...corpusExamples().map(({ example }) => example.markdown),
  matter(readFileSync(KITCHEN_SINK, 'utf8')).content,
];

describe('the plugins’ walk of a tree', () => {
  it('visits every node and element in the order unist-util-visit does, with the same index and parent', () => {
    let elements = 0;
    for (const text of texts) {
      const mdast = parse.parse(text);
      const seen: unknown[] = [];
      const expected: unknown[] = [];
      eachNode(mdast, (node, index, parent) => seen.push([node, index, parent]));
      visit(mdast, (node: Nodes, index, parent) => void expected.push([node, index, parent]));
      expect(seen).toEqual(expected);
      const hast = toHast.runSync(mdast) as HastRoot;
      const seenElements: unknown[] = [];
      const expectedElements: unknown[] = [];
      eachElement(hast, (node, index, parent) => seenElements.push([node, index, parent]));
      visit(hast, 'element', (node: Element, index, parent) => void expectedElements.push([node, index, parent]));
      expect(seenElements).toEqual(expectedElements);
      elements += seenElements.length;
    }
    expect(elements).toBeGreaterThan(1000);
  });

  it('walks children a step set, and the children of a node a step wrapped in its parent', () => {
    const tree: HastRoot = unified().use(remarkRehype).runSync(parse.parse('a *b*\n\n- c')) as HastRoot;
    const names: string[] = [];
    eachElement(tree, (node, index, parent) => {
      names.push(node.tagName);
      if (node.tagName === 'p') node.children = [{ type: 'element', tagName: 'kbd', properties: {}, children: [] }];
      if (node.tagName === 'ul')
        parent.children[index] = { type: 'element', tagName: 'div', properties: {}, children: [node] };
    });
    expect(names).toEqual(['p', 'kbd', 'ul', 'li']);
    expect(
      (tree.children.find((n) => n.type === 'element' && n.tagName === 'div') as Element).children[0],
    ).toMatchObject({
      tagName: 'ul',
    });
  });
});
