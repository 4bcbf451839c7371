import type { Element } from 'hast';
import { classifyUrl } from '../rules/forums.ts';
import { rehypeElementSteps } from './util/element-steps.ts';

/**
 * Marks links to a forum profile as attributions of a quoted commenter:
 * `class="commenter"` and a title naming the forum. The visible text stays
 * the author's.
 */
export const commenterLinkStep = () => (node: Element) => {
  const href = node.tagName === 'a' ? node.properties['href'] : undefined;
  if (typeof href !== 'string') return;
  const kind = classifyUrl(href);
  if (kind.kind !== 'profile') return;
  node.properties['className'] = ['commenter'];
  node.properties['title'] = `${kind.name} on ${kind.forum}`;
};

export default rehypeElementSteps(commenterLinkStep);
