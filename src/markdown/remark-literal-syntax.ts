import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './util/vfile-report.ts';
import { eachNode } from './util/walk.ts';

/**
 * `[text][label]` or `[text][]` (an image's too) that Markdown left as text: its label has no definition.
 * Not right after a word or a bracket: `a[i][j]` and `list[0][1]` index arrays.
 */
const REFERENCE = /(?<![\\\p{L}\p{N}_)\]])!?\[([^[\]\\\n]+)\]\[([^[\]\\\n]*)\]/u;
/** A footnote mark or its note, `[^1]` / `[^1]: …` (letters, digits, `_`: `[^0-9]` is a character class). */
const FOOTNOTE = /(?<!\\)\[\^[\p{L}\p{N}_]+\]/u;
/** A task-list box at the start of a list item. */
const TASK_BOX = /^\[[ xX]\][ \t]/;
/** A table's delimiter row (`| --- | :-: |`), with at least one pipe. */
const DELIMITER_ROW = /^[ \t]*(?=.*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** `##Story` at the start of a line: a heading to its author, a paragraph to CommonMark (it needs the space). */
const GLUED_HEADING = /^( {0,3})(#{2,6})(?=[^\s#])(.*)$/m;
/** What any of these needs in the source: most editions have none, and then no tree is walked. */
const ANY = /\]\[|\[\^|\[[ xX]\]|\|[ \t]*:?-|^ {0,3}#{2,6}[^\s#]/m;

/** The cells of a table row: split at pipes that are not escaped, without the outer pipes. */
function cells(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

const cellCount = (n: number) => (n === 1 ? '1 cell' : `${n} cells`);

/** A header and delimiter row with different numbers of cells, which GFM does not read as a table. */
function brokenTable(
  written: string,
): { header: number; delimiter: number; line: number; pipeInCode: boolean } | undefined {
  const lines = written.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!DELIMITER_ROW.test(lines[i]!) || !lines[i - 1]!.includes('|')) continue;
    const header = cells(lines[i - 1]!);
    const delimiter = cells(lines[i]!);
    // `| `a|b` |`: GFM splits cells at a pipe even inside code.
    if (header !== delimiter)
      return { header, delimiter, line: i - 1, pipeInCode: /`[^`]*(?<!\\)\|[^`]*`/.test(lines[i - 1]!) };
  }
  return undefined;
}

/**
 * Markdown that an author wrote for a link, a footnote or a checklist and
 * that the edition format shows as the text typed (`docs/edition-format.md`,
 * "Markdown"): a reference link whose label has no definition
 * (`[text][nope]`), GitHub's footnotes (`[^1]`) and task-list boxes
 * (`- [ ] item`), and a `##Heading` without its space. Each is a warning on
 * its line; footnotes (at the first) and boxes (with their count) once per
 * file, as they come in numbers.
 */
export default function remarkLiteralSyntax() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (!ANY.test(source)) return;
    const footnotes: Nodes[] = [];
    const boxes: Nodes[] = [];
    eachNode(tree, (node, index, parent) => {
      // `[^1]: the note` is a link definition to CommonMark, and `[^1]` a link to it: a footnote all the same.
      if ((node.type === 'definition' || node.type === 'linkReference') && node.label?.startsWith('^')) {
        footnotes.push(node);
        return;
      }
      if (node.type === 'paragraph' && node.position) {
        const written = source.slice(node.position.start.offset, node.position.end.offset);
        const glued = GLUED_HEADING.exec(written);
        if (glued) {
          const line = node.position.start.line + written.slice(0, glued.index).split('\n').length - 1;
          report(
            file,
            { line, column: 1 },
            'heading',
            `"${glued[2]}${glued[3]!.slice(0, 40)}" is shown as a paragraph, not a heading: a heading needs a space after its #s; write "${glued[2]} ${glued[3]!.slice(0, 40).trim()}"`,
            'warning',
          );
        }
        const table = brokenTable(written);
        if (table)
          report(
            file,
            { line: node.position.start.line + table.line, column: 1 },
            'table',
            table.pipeInCode
              ? `this table is shown as text: a "|" inside \`code\` in its header row splits the cell, so the row has ${cellCount(table.header)} and the row under it ${table.delimiter}; write that "|" as "\\|"`
              : `this table is shown as text: its header row has ${cellCount(table.header)} and the row under it ${table.delimiter}; give the "| --- |" row one cell per column`,
            'warning',
          );
        return;
      }
      if (node.type === 'listItem') {
        const first = node.children[0];
        const text = first?.type === 'paragraph' ? first.children[0] : undefined;
        if (text?.type === 'text' && TASK_BOX.test(text.value)) boxes.push(text);
        return;
      }
      if (node.type !== 'text' || !node.position || parent?.type === 'link') return;
      // The text as written, escapes included: `\[a\]\[b\]` was meant as text.
      const written = source.slice(node.position.start.offset, node.position.end.offset);
      if (FOOTNOTE.test(written)) footnotes.push(node);
      const reference = REFERENCE.exec(written);
      if (!reference || FOOTNOTE.test(reference[0]) || index === undefined) return;
      const [whole, text, label] = reference;
      // `[1][2]`: citation marks written as text, with their list at the end; not a link meant.
      if (/^\d+$/.test(text!.trim()) && /^\d*$/.test(label!.trim())) return;
      const name = label || text!;
      const line = node.position.start.line + written.slice(0, reference.index).split('\n').length - 1;
      report(
        file,
        { line, column: 1 },
        'link',
        `${whole} is shown as typed: no link definition [${name}] in this edition; add a line "[${name}]: https://…" below the paragraph, or write the link inline, [${text}](https://…)`,
        'warning',
      );
    });
    const counted = (found: readonly Nodes[], one: string, many: string) =>
      found.length === 1 ? one : `${found.length} ${many} (first here)`;
    if (footnotes.length)
      report(
        file,
        footnotes[0],
        'footnote',
        `${footnotes.length === 1 ? 'this footnote is' : 'these footnotes (first here) are'} not part of the edition format: a mark is shown as typed, or as a link to its note's text; put the note in the text, in parentheses, or as a link`,
        'warning',
      );
    if (boxes.length)
      report(
        file,
        boxes[0],
        'list',
        `${counted(boxes, 'a task-list box', 'task-list boxes')}: "[ ]" and "[x]" are not part of the edition format and are shown as typed; write the item without its box`,
        'warning',
      );
  };
}
