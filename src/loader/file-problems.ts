/**
 * Groups the problems `loadContent` found by file for `npm run dev`, which
 * shows them in the browser: an edition whose number can be read gets a
 * problems page at its URL, every other file a line in a banner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../diagnostics/problem.ts';
import type { FileProblems } from '../schemas/file-problems.ts';
import { readEdition } from './read-edition.ts';

/**
 * The `edition:` number of a file's raw front matter, as `npm run new` reads
 * it: read even when the edition has other mistakes, null when the file
 * cannot be read, its front matter cannot be parsed, or the number is not a
 * whole number, 0 or more.
 */
export function frontMatterNumber(file: string, bytes: Uint8Array): number | null {
  const data = readEdition(file, bytes).source?.data as { edition?: unknown } | undefined;
  const number = data?.edition;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

function numberOfFile(root: string, file: string): number | null {
  try {
    return frontMatterNumber(file, readFileSync(join(root, file)));
  } catch {
    return null; // not a file (a folder's problem) or unreadable: no page for it
  }
}

/** Errors before warnings, each in the order the loader gives (cause first). */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

/**
 * One entry per file that has at least one error (files with only warnings
 * still build, so they are left to the terminal), sorted by file, with
 * every problem of the file, errors first, and its edition number when the
 * raw front matter gives one. `root` is where the problems' paths start.
 */
export function fileProblems(root: string, problems: readonly Problem[]): FileProblems[] {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return [...byFile]
    .filter(([, list]) => list.some((p) => p.severity === 'error'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, list]) => ({ file, number: numberOfFile(root, file), problems: errorsFirst(list) }));
}

/** Where each file's problems are shown in `npm run dev`. */
export interface ProblemPlaces {
  /** Problems pages: edition number → the files claiming it (no shown edition has that number). */
  pages: Map<number, FileProblems[]>;
  /** Files for the banner on every page: no readable number, or their number is a shown edition's. */
  banner: FileProblems[];
}

/** Splits files with problems between problems pages and the banner; `shown` are the numbers of editions that have a page. */
export function problemPlaces(entries: readonly FileProblems[], shown: ReadonlySet<number>): ProblemPlaces {
  const places: ProblemPlaces = { pages: new Map(), banner: [] };
  for (const entry of entries) {
    if (entry.number === null || shown.has(entry.number)) places.banner.push(entry);
    else places.pages.set(entry.number, [...(places.pages.get(entry.number) ?? []), entry]);
  }
  return places;
}
