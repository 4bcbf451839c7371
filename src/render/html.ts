/**
 * Rewrites of rendered edition HTML for places other than its own page,
 * made on the HTML tree (never with a regex over markup, which depends on
 * attribute order and quoting).
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import { fragmentOf } from '../site/urls.ts';
import { parseOwnHtml } from './own-html.ts';

/** Edition HTML as a tree: read directly where it is as this generator wrote it, else by parse5. */
const readHtml = (html: string): Root => parseOwnHtml(html) ?? fromHtml(html, { fragment: true });

/** Parses a fragment, lets `edit` change its elements, and serialises it again. */
function rewrite(html: string, edit: (node: Element, remove: () => void) => void): string {
  const tree = readHtml(html);
  visit(tree, 'element', (node: Element, index, parent) => {
    let removed = false;
    edit(node, () => {
      if (parent && index !== undefined) parent.children.splice(index, 1);
      removed = true;
    });
    return removed ? [SKIP, index] : undefined;
  });
  return toHtml(tree);
}

/** Points in-page links (`href="#id"`) at the edition's page, for HTML shown elsewhere (home page). */
export function rebaseFragments(html: string, editionPath: string): string {
  return rewrite(html, (node) => {
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#'))
      node.properties['href'] = `${editionPath}${fragmentOf(href)}`;
  });
}

/**
 * Edition HTML for places other than its page (feeds, email), as a tree:
 * every relative `href`, `src` and `poster` made absolute against the page's
 * absolute URL, and the heading permalinks (`a.anchor`) removed, which mean
 * nothing there. One parse for both.
 */
export function elsewhereTree(html: string, pageUrl: string): Root {
  const tree = readHtml(html);
  visit(tree, 'element', (node: Element, index, parent) => {
    const className = node.properties['className'];
    if (
      node.tagName === 'a' &&
      Array.isArray(className) &&
      className.includes('anchor') &&
      parent &&
      index !== undefined
    ) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const attribute of ['href', 'src', 'poster']) {
      const value = node.properties[attribute];
      if (typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value))
        node.properties[attribute] = new URL(value, pageUrl).href;
    }
    return undefined;
  });
  return tree;
}
