/**
 * The problem lines that README.md, docs/edition-format.md and docs/internals.md show in their
 * code blocks, so that tests can pin each to what a command really prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** A problem line as the docs show it: `path[:line]  field: message`; the part after the place. */
export const PROBLEM_LINE = /^\S+?\.(?:md|yaml)(?::\d+)?  (\S.*)$/;

/** What `npm run figures` prints (a thread's old and new figures, a thread it could not read, a section's warning). */
export const FIGURES_LINE =
  /^(?:discussions\[\d+\](?:\.url)?: (?:.* → .*|could not refresh .*)|section #\S+: warning: .*)$/;

/** The lines inside the code blocks of a Markdown file, with where they are. */
function codeBlockLines(doc: string): { line: string; at: string }[] {
  const out: { line: string; at: string }[] = [];
  let fence: string | null = null;
  readFileSync(join(ROOT, doc), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && fence === null) fence = marker;
      else if (marker && marker === fence && line.trim() === marker) fence = null;
      else if (fence !== null) out.push({ line, at: `${doc}:${i + 1}` });
    });
  return out;
}

/** Every problem line of the three documents: what it shows after the place, and where it stands. */
export function docExampleLines(): { shown: string; at: string }[] {
  return ['README.md', 'docs/edition-format.md', 'docs/internals.md']
    .flatMap(codeBlockLines)
    .flatMap(({ line, at }) => {
      const shown = PROBLEM_LINE.exec(line)?.[1] ?? (/^edition \d+ is (a draft|scheduled)/.test(line) ? line : null);
      return shown === null ? [] : [{ shown, at }];
    });
}
