import type { Element } from 'hast';
import { rehypeElementSteps } from './util/element-steps.ts';

const ALIGN = ['left', 'right', 'center'];

/**
 * Table cell alignment (`| ---: |`, or `<td align>` in raw HTML) as a class
 * (`align-right`) that the site's and the email's CSS style: the `align`
 * attribute is obsolete HTML, and the Content-Security-Policy allows no
 * inline `style`.
 */
export const tableAlignStep = () => (node: Element) => {
  if (node.tagName !== 'td' && node.tagName !== 'th') return;
  const align = node.properties['align'];
  if (align === undefined) return;
  delete node.properties['align'];
  const value = String(align).toLowerCase();
  if (ALIGN.includes(value)) node.properties['className'] = [`align-${value}`];
};

export default rehypeElementSteps(tableAlignStep);
