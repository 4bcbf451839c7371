/**
 * Substack and Ghost keep bodies as HTML. They become Markdown through the
 * unified syntax trees (HTML → hast → mdast → Markdown, GitHub tables and
 * strikethrough kept), so the edition is plain Markdown an author can edit.
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/** An HTML fragment as Markdown. */
export function htmlToMarkdown(html: string): string {
  const mdast = toMdast(fromHtml(html, { fragment: true }));
  return toMarkdown(mdast, { extensions: [gfmToMarkdown()], bullet: '-', rule: '-', fences: true });
}
