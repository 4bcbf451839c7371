import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classifyUrl } from '../rules/forums.ts';

/**
 * Marks links to a forum profile as attributions of a quoted commenter:
 * `class="commenter"` and a title naming the forum. The visible text stays
 * the author's.
 */
export default function rehypeCommenterLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties['href'] : undefined;
      if (typeof href !== 'string') return;
      const kind = classifyUrl(href);
      if (kind.kind !== 'profile') return;
      node.properties['className'] = ['commenter'];
      node.properties['title'] = `${kind.name} on ${kind.forum}`;
    });
  };
}
