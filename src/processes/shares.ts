/** Splitting work over child processes, and putting each item's outcome back together (see `child-protocol.ts`). */
import { availableParallelism } from 'node:os';
import type { ShareOutcome } from './child-protocol.ts';

/** Below this many items per process, starting processes costs more than it saves. */
const MIN_JOBS_PER_PROCESS = 40;

/** How many processes `count` items are worth, and the items split into that many contiguous shares. */
export function split<T>(items: readonly T[], options: { processes?: number; minJobsPerProcess?: number }): T[][] {
  const processes = Math.min(
    options.processes ?? availableParallelism(),
    Math.floor(items.length / (options.minJobsPerProcess ?? MIN_JOBS_PER_PROCESS)),
  );
  if (processes < 2) return [];
  const size = Math.ceil(items.length / processes);
  return Array.from({ length: processes }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Each item's outcome from its child: its result, or `fail(message)` for an
 * item that threw, `crashed(how)` for the item the child died on, and
 * `redo(item)` (in this process) for items a dead child never reached.
 */
export function settle<J, R>(
  share: J[],
  outcome: ShareOutcome<R>,
  handlers: { fail: (job: J, message: string) => R; crashed: (job: J, how: string) => R; redo: (job: J) => R },
): R[] {
  return share.map((job, i) => {
    if (outcome.results.has(i)) return outcome.results.get(i)!;
    const failed = outcome.failed.get(i);
    if (failed !== undefined) return handlers.fail(job, failed);
    if (outcome.crash && outcome.crash.index === i) return handlers.crashed(job, outcome.crash.how);
    return handlers.redo(job);
  });
}
