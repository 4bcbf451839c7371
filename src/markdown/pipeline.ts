import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile, type Data } from 'vfile';
import rehypeCommenterLinks from './commenter-links.ts';
import rehypeDiscussionLinks from './discussion-links.ts';
import rehypeExternalLinks from './external-links.ts';
import remarkGfmSubset from './gfm-subset.ts';
import rehypeHeadingAnchors from './heading-anchors.ts';
import remarkHeadingIds from './heading-ids.ts';
import rehypeHttpsMedia from './https-media.ts';
import remarkLinkUrls from './link-urls.ts';
import remarkRawHtml from './raw-html.ts';
import { sanitizeSchema } from './sanitize.ts';
import './file-data.ts';

/**
 * The Markdown pipeline, in order. Markdown checks run on the Markdown tree
 * (where line numbers are exact); HTML is then reparsed, sanitized and
 * annotated. Built once per process and reused for every edition.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfmSubset)
  .use(remarkHeadingIds)
  .use(remarkLinkUrls)
  .use(remarkRawHtml)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeHttpsMedia)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeDiscussionLinks)
  .use(rehypeCommenterLinks)
  .use(rehypeExternalLinks)
  .use(rehypeHeadingAnchors)
  .freeze();

/**
 * Renders an edition body to an HTML tree. Problems are on `file.messages`
 * (`fatal: true` for errors); threads found are on `file.data.threads`.
 */
export function renderBody(markdown: string, data: Data): { tree: Root; file: VFile } {
  const file = new VFile({ value: markdown, data });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}
