/** The Markdown plugins' findings (vfile messages) as problems: `fatal` ones are errors. */
import type { VFile } from 'vfile';
import { problem, type Problem } from './problem.ts';

/** Every message the plugins left on a rendered file, as problems of `file`. */
export function vfileProblems(vfile: VFile, file: string): Problem[] {
  return vfile.messages.map((message) =>
    problem(
      file,
      message.line ?? undefined,
      message.ruleId ?? 'body',
      message.reason,
      message.fatal ? 'error' : 'warning',
    ),
  );
}
