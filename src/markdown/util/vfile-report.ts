import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';

/**
 * Records a content problem on the file being rendered, at a node or at a
 * point. Errors are vfile messages with `fatal: true`, warnings with
 * `fatal: false`; the loader turns them into `file:line  field: message`
 * lines. Plugins never throw for a content mistake, so one run reports
 * every problem.
 */
export function report(
  file: VFile,
  at: Node | Point | undefined,
  field: string,
  message: string,
  severity: 'error' | 'warning' = 'error',
): void {
  const place = at && 'line' in at ? at : at?.position;
  const msg = file.message(message, { place, ruleId: field, source: 'edition' });
  msg.fatal = severity === 'error';
}
