import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const HEADING = /^h[1-6]$/;

/**
 * Renders each heading's permalink at build time, accessibly: the heading
 * and a visible `#` link sit together in `div.heading`; the link's name for
 * screen readers is "Link to section: <heading>", in the site's language
 * (`file.data.sectionLinkLabel`). No script involved; kept
 * out of the search index.
 */
export default function rehypeHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const label = file.data.sectionLinkLabel ?? 'Link to section: {title}';
    visit(tree, 'element', (node: Element, index, parent) => {
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
      return SKIP;
    });
  };
}
