import type { Element, Parents } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { rehypeElementSteps } from './util/element-steps.ts';

const HEADING = /^h[1-6]$/;

/**
 * Renders each heading's permalink at build time, accessibly: the heading
 * and a visible `#` link sit together in `div.heading`; the link's name for
 * screen readers is "Link to section: <heading>", in the site's language
 * (`file.data.sectionLinkLabel`). No script involved; kept
 * out of the search index.
 */
export const headingAnchorStep = (file: VFile) => {
  const label = file.data.sectionLinkLabel ?? 'Link to section: {title}';
  return (node: Element, index: number | undefined, parent: Parents | undefined) => {
    const id = node.properties['id'];
    if (!HEADING.test(node.tagName) || typeof id !== 'string' || !parent || index === undefined) return;
    const anchor = h('a', { className: ['anchor'], href: `#${id}`, dataPagefindIgnore: 'all' }, [
      h('span', { ariaHidden: 'true' }, '#'),
      h(
        'span',
        { className: ['sr-only'] },
        label.replace('{title}', () => toString(node).trim()),
      ),
    ]);
    parent.children[index] = h('div', { className: ['heading', `heading-${node.tagName}`] }, [node, anchor]);
  };
};

export default rehypeElementSteps(headingAnchorStep);
