import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { classifyUrl, genericForumName, isDiscussionText, threadKey } from '../rules/forums.ts';
import { figuresLabel } from '../rules/figures.ts';
import { rehypeElementSteps } from './util/element-steps.ts';
import type { ThreadFigures } from './util/file-data.ts';

/**
 * Marks discussion links: a thread URL on a known forum, a link whose text is
 * "discussion", or a URL the front matter lists under `discussions`. Each gets
 * `class="discussion"`, `data-thread` (the thread's key) and a label that
 * names the forum and the figures; the visible text stays the author's.
 * The threads found, in order of first link, are on `file.data.threads`.
 */
export const discussionLinkStep = (file: VFile) => {
  const figures: ReadonlyMap<string, ThreadFigures> = file.data.figures ?? new Map();
  const threads = new Map<string, { url: string; forum: string; text: string }>();
  file.data.threads = threads;
  return (node: Element) => {
    const href = node.tagName === 'a' ? node.properties['href'] : undefined;
    if (typeof href !== 'string') return;
    const kind = classifyUrl(href);
    const text = toString(node);
    let key: string;
    let forum: string;
    if (kind.kind === 'thread') [key, forum] = [kind.key, kind.forum];
    else if (kind.kind === 'other' && (isDiscussionText(text) || figures.has(threadKey(href))))
      [key, forum] = [threadKey(href), genericForumName(href)];
    else return;
    if (!threads.has(key)) threads.set(key, { url: href, forum, text: text.trim() });
    const label = figuresLabel(forum, figures.get(key), file.data.lang);
    node.properties['className'] = ['discussion'];
    node.properties['dataThread'] = key;
    node.properties['title'] = label;
    node.properties['ariaLabel'] = `${text.trim()} (${label})`;
  };
};

export default rehypeElementSteps(discussionLinkStep);
