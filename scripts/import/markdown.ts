/**
 * Plain Markdown archives: no header at all. The first `#` heading is the
 * title; the date and number come from the file name (`2024-01-05-….md`,
 * `issue-300.md`) or the title.
 */
import { listFiles, MARKDOWN_EXTENSIONS, readText, stemOf } from './files.ts';
import { takeTitle } from './normalise.ts';
import { relativeFileLinks } from './relative-files.ts';
import { problem, type ReadResult } from './types.ts';

/** Reads every Markdown file of a folder, taking its first `#` heading as the title. */
export function readMarkdown(folder: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  // The folder's own files (`img/chart.png`), which its posts link relative to themselves.
  result.assets = folder;
  const skip = (file: string, reason: string) => void result.skipped.push({ file, reason });
  for (const file of listFiles(folder, MARKDOWN_EXTENSIONS, skip)) {
    const text = readText(file);
    if (text === null) {
      result.problems.push(problem(file, undefined, 'file', 'not UTF-8 text; save it as UTF-8 and run again'));
      continue;
    }
    const { title, body } = takeTitle(text, false);
    // `![a chart](img/chart.png)` beside the post: brought along from the folder, at its path there.
    const linked = relativeFileLinks(body, file, folder);
    result.problems.push(...linked.problems);
    result.editions.push({ file, stem: stemOf(file), title, tags: [], draft: false, body: linked.body, lines: {} });
  }
  return result;
}
