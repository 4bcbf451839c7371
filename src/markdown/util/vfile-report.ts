import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';
import type { ProblemCode } from '../../diagnostics/problem.ts';

type Message = VFile['messages'][number];
const codes = new WeakMap<Message, ProblemCode>();

/**
 * Records a content problem on the file being rendered, at a node or at a
 * point. Errors are vfile messages with `fatal: true`, warnings with
 * `fatal: false`; the loader turns them into `file:line  field: message`
 * lines. Plugins never throw for a content mistake, so one run reports
 * every problem. A `code` says what the problem means to the code after
 * the plugins (`problemCode`), so no decision reads the wording.
 */
export function report(
  file: VFile,
  at: Node | Point | undefined,
  field: string,
  message: string,
  severity: 'error' | 'warning' = 'error',
  code?: ProblemCode,
): void {
  const place = at && 'line' in at ? at : at?.position;
  const msg = file.message(message, { place, ruleId: field, source: 'edition' });
  msg.fatal = severity === 'error';
  if (code) codes.set(msg, code);
}

/** The code a plugin gave a message when it reported it, if any. */
export function problemCode(message: Message): ProblemCode | undefined {
  return codes.get(message);
}
