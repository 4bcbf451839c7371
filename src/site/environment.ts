/**
 * The environment variables the commands read, validated in one place: a
 * mistake is a problem line (`BUILD_DATE: expected …, got "garbage"`) and
 * exit 1, never a stack trace or a silently wrong build.
 *
 *   BUILD_DATE         ISO 8601 date-time pinning "now" (empty = unset)
 *   SOURCE_DATE_EPOCH  the same as whole seconds since 1970 (empty = unset)
 *   EDITIONS_DIR       the editions folder; when set, non-empty (and, for reading, existing)
 *   OUT_DIR            where `npm run build` writes the site; when set, non-empty
 *   NEWSLETTER_CACHE_DIR  the folder of every cache (`src/cache/`); when set, non-empty and not a file
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR } from '../cache/named-cache.ts';
import { oneLine } from '../diagnostics/format.ts';

type Env = Record<string, string | undefined>;

/** The editions folder when `EDITIONS_DIR` is not set, relative to the project root. */
export const DEFAULT_EDITIONS_DIR = 'content/editions';

/** A mistake in the environment; its message is the problem lines, and it carries no stack trace. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
    this.stack = '';
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
const got = (value: string) => `got ${JSON.stringify(oneLine(value))}`;

/** The problem with `BUILD_DATE`'s value, or null when it is a usable ISO 8601 date-time. */
export function buildDateProblem(value: string): string | null {
  if (ISO.test(value) && !Number.isNaN(Date.parse(value))) return null;
  return `BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, ${got(value)}`;
}

/** The problem with `SOURCE_DATE_EPOCH`'s value, or null when it is a whole number of seconds. */
export function sourceDateEpochProblem(value: string): string | null {
  if (/^\d{1,15}$/.test(value)) return null;
  return `SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 such as 1774180800, ${got(value)}`;
}

/** Problems with the variables that pin "now". */
function dateProblems(env: Env): string[] {
  const problems: string[] = [];
  const buildDate = env['BUILD_DATE'];
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (buildDate) problems.push(...[buildDateProblem(buildDate)].filter((p) => p !== null));
  if (epoch) problems.push(...[sourceDateEpochProblem(epoch)].filter((p) => p !== null));
  return problems;
}

/**
 * "now" for deciding what is scheduled: `BUILD_DATE` or `SOURCE_DATE_EPOCH`
 * when set, else the clock. Throws an `EnvironmentError` for a value that is
 * not a date, instead of carrying an invalid date into the build.
 */
export function nowFrom(env: Env = process.env): Date {
  const problems = dateProblems(env);
  if (problems.length) throw new EnvironmentError(problems);
  if (env['BUILD_DATE']) return new Date(env['BUILD_DATE']);
  if (env['SOURCE_DATE_EPOCH']) return new Date(Number(env['SOURCE_DATE_EPOCH']) * 1000);
  return new Date();
}

/** The editions folder from `EDITIONS_DIR`; an empty value is an `EnvironmentError` (it would mean the whole project). */
export function editionsDirFrom(env: Env = process.env): string {
  const value = env['EDITIONS_DIR'];
  if (value === undefined) return DEFAULT_EDITIONS_DIR;
  if (value.trim() === '') throw new EnvironmentError([emptyProblem('EDITIONS_DIR', DEFAULT_EDITIONS_DIR)]);
  return value;
}

function emptyProblem(name: string, example: string): string {
  return `${name}: expected a folder such as ${example}, got "" (unset it for the default)`;
}

/** What a command needs from the environment. */
export interface EnvironmentNeeds {
  /** Project root that relative folders are resolved from. Default: the working directory. */
  root?: string;
  /** The editions folder must exist (everything but `npm run new`, which starts it). */
  editionsMustExist?: boolean;
  /** `OUT_DIR` is read (`npm run build`). */
  outDir?: boolean;
}

/** Every problem with the environment a command reads, as lines; empty when all is well. */
export function environmentProblems(env: Env = process.env, needs: EnvironmentNeeds = {}): string[] {
  const problems = dateProblems(env);
  const root = needs.root ?? process.cwd();
  const editions = env['EDITIONS_DIR'];
  if (editions !== undefined) {
    if (editions.trim() === '') problems.push(emptyProblem('EDITIONS_DIR', DEFAULT_EDITIONS_DIR));
    else if (needs.editionsMustExist) {
      const folder = join(root, editions);
      if (!existsSync(folder))
        problems.push(`EDITIONS_DIR: no such folder; expected the folder of edition files, ${got(editions)}`);
      else if (!statSync(folder).isDirectory())
        problems.push(`EDITIONS_DIR: not a folder but a file; expected the folder of edition files, ${got(editions)}`);
    }
  }
  if (needs.outDir && env['OUT_DIR'] !== undefined && env['OUT_DIR'].trim() === '')
    problems.push(emptyProblem('OUT_DIR', 'dist'));
  const cache = env['NEWSLETTER_CACHE_DIR'];
  if (cache !== undefined) {
    if (cache.trim() === '') problems.push(emptyProblem('NEWSLETTER_CACHE_DIR', DEFAULT_CACHE_DIR));
    else if (existsSync(resolve(root, cache)) && !statSync(resolve(root, cache)).isDirectory())
      problems.push(`NEWSLETTER_CACHE_DIR: not a folder but a file; expected a folder for the caches, ${got(cache)}`);
  }
  return problems;
}

/** For a command-line entry point: prints each environment problem and exits 1 when there is any. */
export function checkEnvironmentOrExit(needs: EnvironmentNeeds = {}, env: Env = process.env): void {
  const problems = environmentProblems(env, needs);
  if (problems.length === 0) return;
  for (const line of problems) console.error(line);
  process.exit(1);
}
