import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Gives every link that leaves the site `rel="noopener noreferrer"`. */
export default function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties['href'] : undefined;
      if (typeof href === 'string' && /^https?:\/\//i.test(href)) node.properties['rel'] = ['noopener', 'noreferrer'];
    });
  };
}
