/**
 * The annotating plugins run in one walk of the tree (`util/element-steps.ts`):
 * the HTML and the threads found are the same as when each plugin walks the
 * tree in turn.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { renderBody } from '../../src/markdown/pipeline.ts';
import rehypeCommenterLinks from '../../src/markdown/rehype-commenter-links.ts';
import rehypeDiscussionLinks from '../../src/markdown/rehype-discussion-links.ts';
import rehypeExternalLinks from '../../src/markdown/rehype-external-links.ts';
import rehypeHeadingAnchors from '../../src/markdown/rehype-heading-anchors.ts';
import rehypeHttpsMedia from '../../src/markdown/rehype-https-media.ts';
import rehypePreText from '../../src/markdown/rehype-pre-text.ts';
import rehypeRawWhereWritten from '../../src/markdown/rehype-raw-where-written.ts';
import rehypeTableAlign from '../../src/markdown/rehype-table-align.ts';
import remarkGfmSubset from '../../src/markdown/remark-gfm-subset.ts';
import remarkHeadingIds from '../../src/markdown/remark-heading-ids.ts';
import remarkLinkUrls from '../../src/markdown/remark-link-urls.ts';
import remarkRawHtml from '../../src/markdown/remark-raw-html.ts';
import { sanitizeSchema } from '../../src/markdown/util/sanitize-schema.ts';
import { KITCHEN_SINK } from '../support/corpus.ts';

// The pipeline as it was, each plugin walking the tree in turn.
const oneByOne = unified()
  .use(remarkParse)
  .use(remarkGfmSubset)
  .use(remarkHeadingIds)
  .use(remarkLinkUrls)
  .use(remarkRawHtml)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhereWritten)
  .use(rehypeHttpsMedia)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeTableAlign)
  .use(rehypePreText)
  .use(rehypeDiscussionLinks)
  .use(rehypeCommenterLinks)
  .use(rehypeExternalLinks)
  .use(rehypeHeadingAnchors);

const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
const data = () => ({
  figures: new Map([['news.ycombinator.com/item?id=7', { points: 12, comments: 3 }]]),
  lang: 'en-US',
  sectionLinkLabel: 'Link to section: {title}',
});

describe('the annotating plugins in one walk', () => {
  it.each([
    [
      'links inside headings, tables and pre',
      'Intro [a profile](https://news.ycombinator.com/user?id=wrs).\n\n## [HN thread](https://news.ycombinator.com/item?id=7) {#s}\n\n| a | b |\n| :-: | --: |\n| [discussion](https://example.com/t) | 2 |\n\n<pre>\n\n[x](http://example.com)\n\ny\n\n</pre>\n\n### Sub [link](https://example.org)\n',
    ],
    ['the kitchen sink', body(readFileSync(KITCHEN_SINK, 'utf8'))],
    ['a bench edition', body(syntheticEdition(3))],
  ])('mark %s as the plugins one by one do', (_, markdown) => {
    const rendered = renderBody(markdown, data());
    const file = new VFile({ value: markdown, data: data() });
    const tree = oneByOne.runSync(oneByOne.parse(file), file) as Root;
    expect(rendered.refused).toBe(false);
    expect(toHtml(rendered.tree)).toBe(toHtml(tree));
    expect(rendered.file.data.threads).toEqual(file.data.threads);
    expect(toHtml(rendered.tree)).toContain('class="discussion"');
  });
});
