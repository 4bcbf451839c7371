/**
 * The environment variables the commands read, validated in one place: a
 * mistake is a problem line (`BUILD_DATE: expected …, got "garbage"`) and
 * exit 1, never a stack trace or a silently wrong build.
 *
 *   BUILD_DATE         ISO 8601 date-time pinning "now" (empty = unset)
 *   SOURCE_DATE_EPOCH  the same as whole seconds since 1970 (empty = unset)
 *   EDITIONS_DIR       the editions folder, from the project root or absolute; when set, non-empty (and, for reading, existing)
 *   OUT_DIR            where `npm run build` writes the site; when set, non-empty
 *   PUBLIC_DIR         the folder of files copied into the site as they are (default `public`); when set, non-empty and not a file
 *   SITE_URL           the site's public origin, overriding the settings' `site`
 *   BASE_PATH          the folder the site is served from, overriding the settings' `base`
 *   NEWSLETTER_CACHE_DIR  the folder of every cache (`src/cache/`); when set, non-empty and not a file
 *   HN_API_URL, HN_ALGOLIA_URL, LOBSTERS_API_URL, REDDIT_API_URL
 *                      the forums' API origins `npm run figures` and `npm run new -- --thread`
 *                      read (for tests and mirrors); when set, an http(s) URL
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
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

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?$/;
const got = (value: string) => `got ${JSON.stringify(oneLine(value))}`;

/** True when an ISO match names a day the calendar has (not 2026-02-30, which `Date` rolls to March 2) and a real time. */
function isRealDateTime(m: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((v) => Number(v ?? 0));
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day!) return false;
  return hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours! <= 23 && offsetMinutes! <= 59;
}

/** The problem with `BUILD_DATE`'s value, or null when it is a usable ISO 8601 date-time. */
export function buildDateProblem(value: string): string | null {
  const m = ISO.exec(value);
  if (m && isRealDateTime(m) && !Number.isNaN(Date.parse(value))) return null;
  return `BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, ${got(value)}`;
}

/** The last second a four-digit year holds (9999-12-31T23:59:59Z); later instants have no ISO 8601 date-time to print. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/** The problem with `SOURCE_DATE_EPOCH`'s value, or null when it is a whole number of seconds up to the year 9999. */
export function sourceDateEpochProblem(value: string): string | null {
  const expected = 'SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 such as 1774180800';
  if (!/^\d+$/.test(value)) return `${expected}, ${got(value)}`;
  if (Number(value) > LAST_EPOCH_SECOND) return `${expected}, at most ${LAST_EPOCH_SECOND} (9999-12-31), ${got(value)}`;
  return null;
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

/** The folder of files served as they are when `PUBLIC_DIR` is not set. */
export const DEFAULT_PUBLIC_DIR = 'public';

/** The public folder from `PUBLIC_DIR` (call after the environment was checked). */
export function publicDirFrom(env: Env = process.env): string {
  return env['PUBLIC_DIR'] || DEFAULT_PUBLIC_DIR;
}

function emptyProblem(name: string, example: string): string {
  return `${name}: expected a folder such as ${example}, got "" (unset it for the default)`;
}

/** The forums' public JSON APIs, by the variable that overrides each, with their defaults. */
export const FORUM_APIS = {
  HN_API_URL: 'https://hacker-news.firebaseio.com/v0',
  HN_ALGOLIA_URL: 'https://hn.algolia.com/api/v1',
  LOBSTERS_API_URL: 'https://lobste.rs',
  REDDIT_API_URL: 'https://www.reddit.com',
} as const;

/** Where each forum API is: the variable's value when set, else the default; never a trailing slash. */
export type ForumApis = Record<keyof typeof FORUM_APIS, string>;

/** Problems with the forum API variables: a set one must be an http(s) URL without a query. */
function forumApiProblems(env: Env): string[] {
  return Object.entries(FORUM_APIS).flatMap(([name, example]) => {
    const value = env[name];
    if (value === undefined || value === '') return [];
    const url = URL.canParse(value) ? new URL(value) : null;
    if (url && /^https?:$/.test(url.protocol) && !url.search && !url.hash) return [];
    return [`${name}: expected an http(s) URL such as ${example}, ${got(value)} (unset it for the default)`];
  });
}

/** The forum API origins from the environment (see `FORUM_APIS`); call after the environment was checked. */
export function forumApisFrom(env: Env = process.env): ForumApis {
  const entries = Object.entries(FORUM_APIS).map(([name, fallback]) => [
    name,
    (env[name] || fallback).replace(/\/+$/, ''),
  ]);
  return Object.fromEntries(entries) as ForumApis;
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
  const problems = [...dateProblems(env), ...forumApiProblems(env)];
  const root = needs.root ?? process.cwd();
  const editions = env['EDITIONS_DIR'];
  if (editions !== undefined) {
    if (editions.trim() === '') problems.push(emptyProblem('EDITIONS_DIR', DEFAULT_EDITIONS_DIR));
    else if (needs.editionsMustExist) {
      const folder = resolve(root, editions);
      if (!existsSync(folder))
        problems.push(`EDITIONS_DIR: no such folder; expected the folder of edition files, ${got(editions)}`);
      else if (!statSync(folder).isDirectory())
        problems.push(`EDITIONS_DIR: not a folder but a file; expected the folder of edition files, ${got(editions)}`);
    }
  }
  if (needs.outDir && env['OUT_DIR'] !== undefined && env['OUT_DIR'].trim() === '')
    problems.push(emptyProblem('OUT_DIR', 'dist'));
  const publicDir = env['PUBLIC_DIR'];
  if (publicDir !== undefined) {
    if (publicDir.trim() === '') problems.push(emptyProblem('PUBLIC_DIR', DEFAULT_PUBLIC_DIR));
    else if (existsSync(resolve(root, publicDir)) && !statSync(resolve(root, publicDir)).isDirectory())
      problems.push(
        `PUBLIC_DIR: not a folder but a file; expected the folder of files served as they are, ${got(publicDir)}`,
      );
  }
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
