import type { Element, ElementContent, Root } from 'hast';
import { eachElement } from './util/walk.ts';

/**
 * Keeps a `<pre>` to text: Markdown written inside a raw `<pre>` block comes
 * out as paragraphs, which HTML does not allow there. Each paragraph becomes
 * its lines, separated by a blank line, as the author typed them.
 */
export default function rehypePreText() {
  return (tree: Root) => {
    eachElement(tree, (node: Element) => {
      if (node.tagName !== 'pre' || !node.children.some(isParagraph)) return;
      node.children = node.children.flatMap((child, i): ElementContent[] =>
        isParagraph(child) ? [...(i > 0 ? [{ type: 'text' as const, value: '\n' }] : []), ...child.children] : [child],
      );
    });
  };
}

function isParagraph(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'p';
}
