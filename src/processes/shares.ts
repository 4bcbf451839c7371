/** Splitting work over child processes, and putting each item's outcome back together (see `child-protocol.ts`). */
import { availableParallelism } from 'node:os';
import type { ShareOutcome } from './child-protocol.ts';

/** Below this many items per process, starting processes costs more than it saves. */
const MIN_JOBS_PER_PROCESS = 40;

/**
 * How many processes `items` are worth, and the items split into that many
 * shares of about equal `weight` (heaviest first, each to the lightest share
 * so far), each share in the items' order. Contiguous halves were not equal:
 * a real archive grows, and the newer half of This Week in Rust kept one
 * process busy 2.3 times as long as the older half kept the other.
 */
export function split<T>(
  items: readonly T[],
  options: { processes?: number; minJobsPerProcess?: number },
  weight: (item: T) => number,
): T[][] {
  const processes = Math.min(
    options.processes ?? availableParallelism(),
    Math.floor(items.length / (options.minJobsPerProcess ?? MIN_JOBS_PER_PROCESS)),
  );
  return processes < 2 ? [] : balance(items, processes, weight);
}

/** `items` in `count` shares of about equal total `weight`, each share in the items' order; no share is empty. */
export function balance<T>(items: readonly T[], count: number, weight: (item: T) => number): T[][] {
  const heaviestFirst = items.map((item, index) => ({ index, weight: weight(item) }));
  heaviestFirst.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const shares = Array.from({ length: Math.min(count, items.length) }, () => ({ weight: 0, members: [] as number[] }));
  for (const item of heaviestFirst) {
    const lightest = shares.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.weight += item.weight;
    lightest.members.push(item.index);
  }
  return shares.map((share) => share.members.sort((a, b) => a - b).map((index) => items[index]!));
}

/** Each item's result, in the order of `items`, from shares that hold them in any order (see `split`). */
export function inItemOrder<T, R>(items: readonly T[], shares: readonly T[][], results: readonly R[][]): R[] {
  const byItem = new Map<T, R>();
  shares.forEach((share, s) => share.forEach((item, i) => byItem.set(item, results[s]![i]!)));
  return items.map((item) => byItem.get(item)!);
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
