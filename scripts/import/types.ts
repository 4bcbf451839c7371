/**
 * What every format reader hands on: editions as read from the source,
 * before numbering, dating and writing. One shape for all formats, so the
 * rest of the importer never knows which tool wrote the archive.
 */
import { isTimeZone } from './dates.ts';
import { problem, type Problem } from './project.ts';

/** The formats `--from` accepts (besides `auto`). */
export const FORMATS = ['pelican', 'front-matter', 'markdown', 'substack', 'ghost'] as const;

/** One of the formats `--from` accepts. */
export type Format = (typeof FORMATS)[number];

/** One edition read from the source, not yet numbered or written. */
export interface SourceEdition {
  /** Source file, relative to the working folder, for problem lines. */
  file: string;
  /** Line of the record in `file` (a CSV row, a JSON post), when the file holds many. */
  line?: number | undefined;
  /** Stem of the source file name (`2024-01-05-issue-3`), for numbers and dates found there. */
  stem?: string | undefined;
  title?: string | undefined;
  /** The date as written in the source (parsed later, in the site's time zone). */
  date?: string | undefined;
  /** The edition number given by a header (`Number:`, `edition:`, `issue:`). */
  number?: number | undefined;
  description?: string | undefined;
  /** Tags and categories as written. */
  tags: string[];
  draft: boolean;
  /** The source's own slug, when it has one. */
  slug?: string | undefined;
  /** Pelican: the article's category as its old address has it (its `Category:`, else its folder, else `misc`). */
  category?: string | undefined;
  /** Markdown body, title line already removed. */
  body: string;
  /** Line of each header field in `file` (`date`, `edition`, …). */
  lines: { [K in 'title' | 'date' | 'edition']?: number | undefined };
  /** The edition's addresses on its old site (`/2024/01/05/welcome.html`), for `redirect_from`. */
  redirectFrom?: string[] | undefined;
}

/** What a format reader returns: editions, problems (errors skip a file), and files it skipped on purpose. */
export interface ReadResult {
  editions: SourceEdition[];
  problems: Problem[];
  /** Files or records not imported on purpose, and why. */
  skipped: { file: string; reason: string }[];
  /** The newsletter's own name as the old site gave it, which titles may number by ("Rust Weekly 12"). */
  names?: string[];
  /** The old site's folder of static files (`/img/x.png` is `<assets>/img/x.png`), when it has one. */
  assets?: string;
  /** The old site's own hosts and base path, which links to its pages may carry. */
  /** Hugo's `content/`, where page bundles keep the files their posts link (`hugo-bundles.ts`). */
  bundles?: string;
  oldSite?: { hosts: string[]; prefix: string };
  /** The time zone the old site wrote zone-less date-times in (Pelican's `TIMEZONE`, Jekyll's `timezone`). */
  timeZone?: string;
  /** Source fields the edition format has no place for: how many records had each, and what became of it. */
  unusedKeys?: Map<string, { count: number; fate: string }>;
}

/** Counts a source field the edition format has no place for, once per record, with what became of it. */
export function noteUnusedKey(result: ReadResult, key: string, fate = 'ignored'): void {
  result.unusedKeys ??= new Map();
  const entry = result.unusedKeys.get(key) ?? { count: 0, fate };
  entry.count++;
  result.unusedKeys.set(key, entry);
}

/** A problem line for a source file: the diagnostics module's own constructor. */
export { problem };

/** Takes the old site's time zone setting (`field` of `file`), or warns that it names none. */
export function takeTimeZone(result: ReadResult, value: string | undefined, file: string, field: string): void {
  if (value === undefined || value === '') return;
  if (isTimeZone(value)) result.timeZone = value;
  else
    result.problems.push(
      problem(
        file,
        undefined,
        field,
        `${JSON.stringify(value)} is not a time zone; dates without an offset are taken in the site's time zone`,
        'warning',
      ),
    );
}

/** Tags written as a list, or as one string separated by commas (or, with `spaces`, by spaces when there is no comma). */
export function tagList(value: unknown, spaces = false): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(v).trim()]));
  if (typeof value !== 'string') return [];
  const parts = value.includes(',') || !spaces ? value.split(',') : value.split(/\s+/);
  return parts.map((t) => t.trim()).filter(Boolean);
}
