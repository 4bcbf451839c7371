/**
 * Keeping an import's report short: a 400-edition archive must not bury its
 * one real problem under 400 alike lines. Errors are always printed; a kind
 * of warning (or of skipped file) is printed a few times, then counted, and
 * `--verbose` prints every one.
 */
import type { Problem } from './project.ts';

/** How many lines of one kind are printed before the rest are counted. */
export const SHOWN_PER_KIND = 3;

/** The lines to print for `items`: all of them, or a few of each kind and a count of the rest. */
export function quietLines<T>(
  items: readonly T[],
  verbose: boolean,
  kindOf: (item: T) => string | undefined,
  line: (item: T) => string,
  more: (kind: string, count: number) => string,
): string[] {
  if (verbose) return items.map(line);
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const item of items) {
    const kind = kindOf(item);
    if (kind === undefined) {
      out.push(line(item));
      continue;
    }
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    if (n <= SHOWN_PER_KIND) out.push(line(item));
  }
  for (const [kind, n] of seen) if (n > SHOWN_PER_KIND) out.push(more(kind, n - SHOWN_PER_KIND));
  return out;
}

/** Problem lines: every error, and a few warnings of each field with a count of the rest. */
export function problemLines(problems: readonly Problem[], verbose: boolean, format: (p: Problem) => string): string[] {
  return quietLines(
    problems,
    verbose,
    (p) => (p.severity === 'error' ? undefined : p.field),
    format,
    (field, n) => `  … and ${n} more "${field}" warning${n === 1 ? '' : 's'} (--verbose prints every one)`,
  );
}
