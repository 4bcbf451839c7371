/**
 * The diagnostics module's core: the shape every problem has, whoever finds
 * it (zod, YAML, the Markdown plugins, the file system, the settings, the
 * environment), and the one constructor that makes one. `format.ts` prints
 * them; `from-*.ts` turn each source's errors into them.
 */

/** What every problem that is the site generator's fault (not the author's) ends with. */
export const BUG = 'this is a bug in the site generator, please report it';

/**
 * What a problem means to the code that reads it, beside its wording (which
 * is for people and may change): `unclosed-html`, an element or comment left
 * open that would swallow the rest of the edition, so nothing is rendered.
 */
export type ProblemCode = 'unclosed-html' | 'unclosed-code-fence';

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

/** One problem: every problem of every source is made here. */
export function problem(
  file: string,
  line: number | undefined,
  field: string,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file, line, field, message, severity };
}

/** Sorts problems by file, then line (file-level problems first). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * Problems grouped by file (in file order), each file's in the order given:
 * how the loaders keep cause first (front matter, then the body in line
 * order, then the rules that join them, then the rules across files).
 */
export function groupByFile(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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

/** Where a field is: the line of its value, or of its key with `{ key: true }`. */
export type Locate = (path: readonly PropertyKey[], options?: { key?: boolean }) => number | undefined;

/** Keys a strict object accepts, for "did you mean" hints. */
export type KnownKeys = (path: readonly PropertyKey[]) => readonly string[];
