import type { Element, Root } from 'hast';
import { publishedMediaUrl } from '../rules/link-rules.ts';
import { eachElement } from './util/walk.ts';

/**
 * Publishes `http:` images as `https:`, as browsers do on an https page
 * anyway; `link-urls.ts` has already warned where the author wrote them.
 * Runs on the HTML tree so that reference-style images are covered too.
 */
export default function rehypeHttpsMedia() {
  return (tree: Root) => {
    eachElement(tree, (node: Element) => {
      const src = node.tagName === 'img' ? node.properties['src'] : undefined;
      if (typeof src === 'string') node.properties['src'] = publishedMediaUrl(src);
    });
  };
}
