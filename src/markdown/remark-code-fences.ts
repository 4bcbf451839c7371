import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './util/vfile-report.ts';
import { eachNode } from './util/walk.ts';

/** A closing fence: the opening's character, at least as many, nothing after but spaces. */
const CLOSING = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * A code fence left open swallows the rest of the edition: every heading
 * after it becomes code, so the symptoms (a `sections` id not found, a
 * listed thread not linked) would be reported far from the cause. This
 * reports the cause, on the line where the fence opened, with how many
 * headings it swallowed; the pipeline then renders nothing more of the body.
 * A fence that a list or quote closes by ending is CommonMark, and fine.
 */
export default function remarkCodeFences() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const rest = (offset: number) => source.slice(offset).trim() === '';
    eachNode(tree, (node) => {
      if (node.type !== 'code') return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !rest(end)) return;
      const opening = /^(`{3,}|~{3,})/.exec(source.slice(start));
      if (!opening) return; // an indented code block has no fence to close
      const lines = source.slice(start, end).split('\n');
      const last = lines.length > 1 ? CLOSING.exec(lines.at(-1)!) : null;
      const fence = opening[1]!;
      if (last && last[1]![0] === fence[0] && last[1]!.length >= fence.length) return;
      const headings = node.value.split('\n').filter((line) => HEADING.test(line)).length;
      const swallowed =
        headings === 0 ? '' : headings === 1 ? ', 1 heading included,' : `, ${headings} headings included,`;
      report(
        file,
        node.position!.start,
        'code',
        `this ${fence} fence is never closed, so the rest of the edition${swallowed} would be shown as code; close it with a line ${fence} after the code`,
        'error',
        'unclosed-code-fence',
      );
    });
  };
}
