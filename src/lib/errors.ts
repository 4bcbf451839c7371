/**
 * Problems are how every content mistake reaches a person: one line each,
 * `file:line  field: message`. This is the one place that wording is built.
 */
import type { z } from 'astro/zod';

/** One mistake (or warning) in one file. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line, when it can be known. */
  line?: number | undefined;
  /** The front-matter field path (`discussions[0].url`) or body construct (`heading`, `link`, `html`). */
  field: string;
  /** What was found and what was expected. */
  message: string;
  /** Warnings are reported but do not stop a build. */
  severity: 'error' | 'warning';
}

/**
 * Text made safe for one printed line: CR, LF, tabs and every other control
 * character become visible escapes (`\n`, `\r`, `\t`, `\u001b`), so one
 * problem is always exactly one line and no text can start a line of its own.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Formats one problem as the single line people see. Control characters in
 * the file, field or message are escaped, and a line never starts with `::`
 * (which GitHub Actions would read as a workflow command).
 */
export function formatProblem(p: Problem): string {
  const file = oneLine(p.file);
  const where = p.line ? `${file}:${p.line}` : file;
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return notACommand(`${where}  ${oneLine(p.field)}: ${prefix}${oneLine(p.message)}`);
}

/** A line that GitHub Actions will not read as a workflow command (`::error::…`): `./` before a leading `::`. */
export function notACommand(line: string): string {
  return line.startsWith('::') ? `./${line}` : line;
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of its path is a file, not a folder',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
};

/** Why a file-system call failed, for a problem line: `EACCES: permission denied`. */
export function fsReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code && FS_REASONS[e.code]) return `${e.code}: ${FS_REASONS[e.code]}`;
  return e?.code ?? (error instanceof Error ? error.message : String(error));
}

/** Sorts problems by file, then line (file-level problems first). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `discussions[0].url` from `['discussions', 0, 'url']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'front matter';
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** A value as an author would recognise it in a message: strings quoted, long ones shortened. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  return String(value);
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Where a field is: the line of its value, or of its key with `{ key: true }`. */
export type Locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => number | undefined;

/** Keys a strict object accepts, for "did you mean" hints. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[];

/**
 * Turns zod issues into problems. Schemas carry their own "expected …"
 * messages; this adds what was found and where.
 */
export function zodProblems(error: z.ZodError, file: string, locate: Locate, knownKeys: KnownKeys): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const hint = guess ? ` (did you mean "${guess}"?)` : '';
        problems.push({
          file,
          line: locate([...issue.path, key], { key: true }),
          field: fieldPath([...issue.path, key]),
          message: `unknown key${hint}; expected one of ${known.join(', ')}`,
          severity: 'error',
        });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A bad key of a map (e.g. a topic slug): point at the key and use the key schema's wording.
      problems.push({
        file,
        line: locate(issue.path, { key: true }),
        field: fieldPath(issue.path),
        message: `${issue.issues[0]?.message ?? issue.message}, got ${showValue(issue.path.at(-1))}`,
        severity: 'error',
      });
      continue;
    }
    const input: unknown = 'input' in issue ? issue.input : undefined;
    const missing = issue.code === 'invalid_type' && input === undefined;
    let found = ` got ${showValue(input)}`;
    if (typeof input === 'string' && (issue.code === 'too_big' || issue.code === 'too_small')) {
      found = ` got ${input.length} characters`;
    }
    problems.push({
      file,
      line: locate(issue.path, { key: missing }) ?? locate(issue.path.slice(0, -1), { key: true }),
      field: fieldPath(issue.path),
      message: missing ? `missing; ${issue.message}` : `${issue.message},${found}`,
      severity: 'error',
    });
  }
  return problems;
}
