/**
 * Substack and Ghost keep bodies as HTML. They become Markdown through the
 * unified syntax trees (HTML → hast → mdast → Markdown, GitHub tables and
 * strikethrough kept), so the edition is plain Markdown an author can edit.
 * Script and style blocks are left out first (`script-embeds.ts`).
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { MAX_DEPTH, type Problem } from './project.ts';
import { scriptProblem } from './post-body.ts';
import { withoutScripts } from './script-embeds.ts';
import { problem } from './types.ts';

/** An HTML fragment as Markdown. */
export function htmlToMarkdown(html: string): string {
  const mdast = toMdast(fromHtml(html, { fragment: true }));
  return toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', rule: '-', fences: true });
}

/** How deep elements nest in an HTML fragment, counted on its tags without building a tree. */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][\w-]*)[^>]*?(\/?)>/gi)) {
    if (/^(?:br|hr|img|input|meta|link|source|wbr|col|area|base|embed|param|track)$/i.test(m[2]!) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** A post's HTML body as Markdown, or the problem that keeps it out (the rest of the export still imports). */
export function htmlBody(
  html: string,
  where: { file: string; line?: number | undefined; record?: string },
  problems: Problem[],
): string | undefined {
  const record = where.record ? `${where.record}: ` : '';
  const cleaned = withoutScripts(html, true);
  const warning = scriptProblem(where, cleaned);
  if (warning) problems.push(warning);
  if (nestingDepth(cleaned.body) > MAX_DEPTH) {
    problems.push(
      problem(
        where.file,
        where.line,
        'body',
        `${record}HTML nests deeper than ${MAX_DEPTH} levels; expected simpler markup`,
      ),
    );
    return undefined;
  }
  try {
    return htmlToMarkdown(cleaned.body);
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    problems.push(problem(where.file, where.line, 'body', `${record}could not be turned into Markdown: ${reason}`));
    return undefined;
  }
}
