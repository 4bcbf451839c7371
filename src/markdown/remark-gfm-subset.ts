import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Processor } from 'unified';

/**
 * The two GitHub-flavoured constructs that cost the most to look for, and
 * whether a Markdown text can hold them. Looking for a literal email address
 * means trying one at every letter and digit (more than a third of parsing a
 * long edition), for a table at every line; a text that cannot hold one is
 * parsed to the same tree without looking.
 */
export interface GfmConstructs {
  /** A table needs a `|`, or a delimiter row's `:-` or `-:` (micromark-extension-gfm-table). */
  tables: boolean;
  /** A literal email address needs an `@` as written (micromark-extension-gfm-autolink-literal). */
  emails: boolean;
}

/** Which of the costly constructs `markdown` can hold. */
export function gfmConstructsIn(markdown: string): GfmConstructs {
  return { tables: /\||:-|-:/.test(markdown), emails: markdown.includes('@') };
}

type Extension = ReturnType<typeof gfmAutolinkLiteral>;

const autolinks = gfmAutolinkLiteral();
// The email construct starts at every letter and digit ("0" has no other); "www." and "http(s)://" at w and h.
const email = autolinks.text![48];
const autolinksWithoutEmails: Extension = {
  text: Object.fromEntries(
    Object.entries(autolinks.text!).flatMap(([code, constructs]) => {
      const kept = [constructs]
        .flat()
        .filter((construct): construct is NonNullable<typeof construct> => !!construct && construct !== email);
      return kept.length ? [[code, kept]] : [];
    }),
  ),
};

/**
 * The GitHub-flavoured parts the edition format promises — tables,
 * strikethrough and autolinks — and no others (no footnotes, no task lists),
 * wired the way remark-gfm wires all of them. With `options` (from
 * `gfmConstructsIn` of the text to parse), a construct the text cannot hold
 * is not looked for.
 */
export default function remarkGfmSubset(
  this: Processor,
  options: GfmConstructs = { tables: true, emails: true },
): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    ...(options.tables ? [gfmTable()] : []),
    gfmStrikethrough({ singleTilde: false }),
    options.emails ? autolinks : autolinksWithoutEmails,
  );
  (data.fromMarkdownExtensions ??= []).push(
    ...(options.tables ? [gfmTableFromMarkdown()] : []),
    gfmStrikethroughFromMarkdown(),
    gfmAutolinkLiteralFromMarkdown(),
  );
}
