/**
 * What a Jekyll or Hugo post's body goes through before it is an edition's:
 * Liquid rendered (Jekyll), shortcodes converted (Hugo), kramdown's wrappers
 * and attribute lists taken off. What could not be converted is one warning
 * per file with the count and the first one, and a link whose address it
 * was one warning of its own (its text is kept); attribute lists, which
 * carry no content, get one warning for the whole archive.
 */
import { shieldCode } from './code-spans.ts';
import { fromHugoShortcodes } from './hugo-shortcodes.ts';
import { fromKramdown } from './kramdown.ts';
import type { LeftOut } from './left-out.ts';
import type { HugoRef } from './hugo-refs.ts';
import type { LiquidRenderer } from './liquid.ts';
import type { Problem } from './project.ts';
import { problem, type ReadResult } from './types.ts';

/** Attribute lists removed across an archive, for its one warning. */
export interface KramdownTally {
  count: number;
  files: number;
  first?: { file: string; line: number } | undefined;
}

/** One post's body and where it starts. */
export interface PostBody {
  file: string;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** The post's front matter, as Liquid's `page`. */
  page: Record<string, unknown>;
}

export function warnLeftOut(
  result: ReadResult,
  post: Pick<PostBody, 'file' | 'bodyLine'>,
  field: string,
  what: string,
  left: LeftOut,
): void {
  for (const link of left.links)
    result.problems.push(
      problem(
        post.file,
        post.bodyLine + link.line - 1,
        field,
        `the link ${JSON.stringify(link.text)} led to ${link.tag}, which could not be converted; its text is kept, without the link`,
        'warning',
      ),
    );
  if (!left.count || !left.first) return;
  const line = post.bodyLine + left.first.line - 1;
  result.problems.push(
    problem(
      post.file,
      line,
      field,
      `${left.count} ${what}${left.count === 1 ? '' : 's'} could not be converted and ${left.count === 1 ? 'is' : 'are'} left out, the first here: ${left.first.text}`,
      'warning',
    ),
  );
}

/** The body converted, with its warnings pushed onto `result`. */
export function convertPostBody(
  post: PostBody,
  liquid: LiquidRenderer | undefined,
  kramdown: KramdownTally,
  result: ReadResult,
  hugoRef?: HugoRef,
): string {
  let body = post.body;
  if (liquid) {
    const rendered = liquid(body, post.page, post.file);
    warnLeftOut(result, post, 'liquid', 'Liquid tag', rendered.leftOut);
    body = rendered.body;
  }
  if (/\{\{[<%]/.test(body)) {
    const converted = fromHugoShortcodes(body, hugoRef && ((target) => hugoRef(target, post.file)));
    warnLeftOut(result, post, 'shortcode', 'Hugo shortcode', converted.leftOut);
    body = converted.body;
  }
  const plain = fromKramdown(body);
  if (plain.attributeLists) {
    kramdown.count += plain.attributeLists;
    kramdown.files++;
    const at = body.split('\n').findIndex((line) => line.includes('{:'));
    kramdown.first ??= { file: post.file, line: post.bodyLine + Math.max(at, 0) };
  }
  // What was taken out leaves blank lines behind; one is enough (code keeps its own).
  const shielded = shieldCode(plain.body);
  return shielded.restore(shielded.text.replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, '\n\n'));
}

/** The warning for script and style blocks left out of a record, if any were. */
export function scriptProblem(
  where: { file: string; line?: number | undefined },
  cleaned: { leftOut: number; first?: string },
): Problem | undefined {
  if (!cleaned.leftOut) return undefined;
  const n = cleaned.leftOut;
  return problem(
    where.file,
    where.line,
    'html',
    `${n} <script> or <style> block${n === 1 ? '' : 's'} left out (an edition may not run scripts or carry styles), the first: ${cleaned.first}`,
    'warning',
  );
}

/** The archive's one warning about attribute lists, when any were removed. */
export function kramdownWarning(tally: KramdownTally, result: ReadResult): void {
  if (!tally.first) return;
  const { count, files } = tally;
  result.problems.push(
    problem(
      tally.first.file,
      tally.first.line,
      'kramdown',
      `${count} attribute list${count === 1 ? '' : 's'} ({: …}) removed in ${files} file${files === 1 ? '' : 's'}, the first here; an edition has no classes or attributes`,
      'warning',
    ),
  );
}
