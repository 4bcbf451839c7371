import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGN = ['left', 'right', 'center'];

/**
 * Table cell alignment (`| ---: |`, or `<td align>` in raw HTML) as a class
 * (`align-right`) that the site's and the email's CSS style: the `align`
 * attribute is obsolete HTML, and the Content-Security-Policy allows no
 * inline `style`.
 */
export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties['align'];
      if (align === undefined) return;
      delete node.properties['align'];
      const value = String(align).toLowerCase();
      if (ALIGN.includes(value)) node.properties['className'] = [`align-${value}`];
    });
  };
}
