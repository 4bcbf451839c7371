import type { Element } from 'hast';
import { rehypeElementSteps } from './util/element-steps.ts';

/** Gives every link that leaves the site `rel="noopener noreferrer"`. */
export const externalLinkStep = () => (node: Element) => {
  const href = node.tagName === 'a' ? node.properties['href'] : undefined;
  if (typeof href === 'string' && /^https?:\/\//i.test(href)) node.properties['rel'] = ['noopener', 'noreferrer'];
};

export default rehypeElementSteps(externalLinkStep);
