import type { Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile, type Data } from 'vfile';
import { basePathStep } from './rehype-base-path.ts';
import { commenterLinkStep } from './rehype-commenter-links.ts';
import { discussionLinkStep } from './rehype-discussion-links.ts';
import { externalLinkStep } from './rehype-external-links.ts';
import remarkGfmSubset, { gfmConstructsIn, type GfmConstructs } from './remark-gfm-subset.ts';
import { headingAnchorStep } from './rehype-heading-anchors.ts';
import rehypePreText from './rehype-pre-text.ts';
import { tableAlignStep } from './rehype-table-align.ts';
import remarkCodeFences from './remark-code-fences.ts';
import remarkHeadingIds from './remark-heading-ids.ts';
import rehypeHttpsMedia from './rehype-https-media.ts';
import rehypeRawWhereWritten from './rehype-raw-where-written.ts';
import remarkLinkUrls from './remark-link-urls.ts';
import remarkLiteralSyntax from './remark-literal-syntax.ts';
import remarkAnchorLinks from './remark-anchor-links.ts';
import remarkRawHtml from './remark-raw-html.ts';
import { rehypeElementSteps } from './util/element-steps.ts';
import { sanitizeSchema } from './util/sanitize-schema.ts';
import { crowdedBlock, deepLine, MAX_DEPTH, MAX_MARKERS_PER_BLOCK, treeDepth } from '../rules/limits.ts';
import { problemCode, report } from './util/vfile-report.ts';
import './util/file-data.ts';

/**
 * The Markdown pipeline, in order, in two halves: Markdown checks run on the
 * Markdown tree (where line numbers are exact); HTML is then reparsed
 * (where the body has raw HTML), sanitized and annotated. Between the halves the tree's depth is checked,
 * because the HTML half walks trees recursively. Built once per process and
 * reused for every edition (the Markdown half once for each set of GFM
 * constructs a text can hold: `remark-gfm-subset.ts`).
 */
const markdownHalf = (constructs: GfmConstructs) =>
  unified()
    .use(remarkParse)
    .use(remarkGfmSubset, constructs)
    .use(remarkCodeFences)
    .use(remarkHeadingIds)
    .use(remarkLinkUrls)
    .use(remarkLiteralSyntax)
    .use(remarkRawHtml)
    .use(remarkAnchorLinks)
    .freeze();
/** The Markdown half for each set of constructs a text can hold (`gfmConstructsIn`), made when first needed. */
const markdownHalves = new Map<string, ReturnType<typeof markdownHalf>>();
function markdownHalfFor(markdown: string): ReturnType<typeof markdownHalf> {
  const constructs = gfmConstructsIn(markdown);
  const key = `${constructs.tables} ${constructs.emails}`;
  let half = markdownHalves.get(key);
  if (!half) markdownHalves.set(key, (half = markdownHalf(constructs)));
  return half;
}

const htmlHalf = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhereWritten)
  .use(rehypeHttpsMedia)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypePreText)
  // Plugins that each change one element at a time, in one walk of the tree (`util/element-steps.ts`).
  .use(
    rehypeElementSteps(
      tableAlignStep,
      discussionLinkStep,
      commenterLinkStep,
      externalLinkStep,
      headingAnchorStep,
      basePathStep,
    ),
  )
  .freeze();

/** An edition whose body is past a limit: the problem is on the file, and nothing is rendered. */
function refused(file: VFile, line: number | undefined, message: string): Rendered {
  report(file, line ? { line, column: 1 } : undefined, 'body', message);
  return { tree: { type: 'root', children: [] }, file, refused: true };
}

/** A rendered body; `refused` when a problem stopped it from being rendered at all. */
export interface Rendered {
  tree: Root;
  file: VFile;
  refused: boolean;
}

/** The line for a body nested past the limit. */
const nestedTooDeep = (depth: number) =>
  `nested ${depth} levels deep (lists, quotes, emphasis, links or HTML elements); expected at most ${MAX_DEPTH}`;

/**
 * Renders an edition body to an HTML tree. Problems are on `file.messages`
 * (`fatal: true` for errors); threads found are on `file.data.threads`.
 * A body past the size of paragraph or depth the format allows is refused
 * with a problem, never a crash or a hang.
 */
export function renderBody(markdown: string, data: Data): Rendered {
  const file = new VFile({ value: markdown, data });
  const crowded = crowdedBlock(markdown);
  if (crowded) {
    return refused(
      file,
      crowded.line,
      `${crowded.count.toLocaleString('en-US')} ${crowded.kind} markers in one paragraph; expected at most ${MAX_MARKERS_PER_BLOCK.toLocaleString('en-US')} (put a blank line between paragraphs, or code in backticks)`,
    );
  }
  const deep = deepLine(markdown);
  if (deep) {
    return refused(file, deep.line, nestedTooDeep(deep.depth));
  }
  let mdast: MdastRoot;
  try {
    const half = markdownHalfFor(markdown);
    mdast = half.runSync(half.parse(file), file) as MdastRoot;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return refused(
      file,
      undefined,
      `nested too deeply to read; expected at most ${MAX_DEPTH} levels of lists, quotes and emphasis`,
    );
  }
  const depth = treeDepth(mdast);
  const raw = file.data.rawHtmlDepth ?? { depth: 0, line: undefined };
  if (depth.depth > MAX_DEPTH || raw.depth > MAX_DEPTH) {
    const deepest = depth.depth > MAX_DEPTH ? depth : raw;
    return refused(file, deepest.line, nestedTooDeep(deepest.depth));
  }
  if (file.messages.some((m) => ['unclosed-html', 'unclosed-code-fence'].includes(problemCode(m) ?? ''))) {
    // An unclosed element or code fence would swallow the rest of the edition: nothing to render.
    return { tree: { type: 'root', children: [] }, file, refused: true };
  }
  const tree = htmlHalf.runSync(mdast, file) as Root;
  return { tree, file, refused: false };
}
