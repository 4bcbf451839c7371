/**
 * What every format reader hands on: editions as read from the source,
 * before numbering, dating and writing. One shape for all formats, so the
 * rest of the importer never knows which tool wrote the archive.
 */
import type { Problem } from './project.ts';

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
  /** Markdown body, title line already removed. */
  body: string;
  /** Line of each header field in `file` (`date`, `edition`, …). */
  lines: { [K in 'title' | 'date' | 'edition']?: number | undefined };
}

/** What a format reader returns: editions, problems (errors skip a file), and files it skipped on purpose. */
export interface ReadResult {
  editions: SourceEdition[];
  problems: Problem[];
  /** Files or records not imported on purpose, and why. */
  skipped: { file: string; reason: string }[];
}

/** A problem line for a source file: the diagnostics module's own constructor. */
export { problem } from './project.ts';

/** Tags written as a list, or as one string separated by commas (or, with `spaces`, by spaces when there is no comma). */
export function tagList(value: unknown, spaces = false): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(v).trim()]));
  if (typeof value !== 'string') return [];
  const parts = value.includes(',') || !spaces ? value.split(',') : value.split(/\s+/);
  return parts.map((t) => t.trim()).filter(Boolean);
}
