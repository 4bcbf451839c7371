/**
 * The search index in parts. Pagefind holds a whole index in memory while it
 * writes it: 10,000 editions in one index took its process to 2.3 GiB, in
 * parts of 1,000 made one after another at most 0.43 GiB (figures in
 * `bench/RESULTS.md`). A part whose editions did not change is taken from
 * the cache whole, so a new edition re-indexes only the last part.
 *
 * The editions, in number order, are cut into parts of `searchPartSize`:
 * the first is Pagefind's main bundle at `pagefind/` (its script, its
 * WebAssembly and the index of its editions), each other one only an index,
 * at `pagefind/parts/<k>/`, that the search page merges into the first
 * (Pagefind's `mergeIndex`), as `pagefind/parts.json` lists them. A site
 * of up to 250 editions has one part.
 *
 * The size is the smallest of 250, 500, 1,000, 2,000 … that makes at most
 * `MAX_SEARCH_PARTS` parts. Small parts make an edit cheap (an edit indexes
 * its part again: 250 pages instead of 1,000 at N = 1,000); few parts keep a
 * search cheap (each part is fetched and searched on its own). The size
 * changes only when the site doubles past a bound, so the parts, and their
 * cache entries, stay as they were while editions are added.
 */

/** The size of the smallest parts. */
const SMALLEST_PART = 250;

/** The most parts a search merges, unless the site is larger than this many of the largest parts. */
export const MAX_SEARCH_PARTS = 10;

/** Editions in one part of the search index, for a site of `count` editions. */
export function searchPartSize(count: number): number {
  let size = SMALLEST_PART;
  while (Math.ceil(count / size) > MAX_SEARCH_PARTS) size *= 2;
  return size;
}

/** The list of the other parts' folders (relative to `pagefind/`) that the search script merges. */
export const PARTS_FILE = 'parts.json';

/** A part of the index: where it goes under `pagefind/` (`''` for the main bundle) and its editions. */
export interface SearchPart<T> {
  dir: string;
  editions: T[];
}

/** Cuts `editions` into the index's parts, in number order; a site without editions has one, empty. */
export function searchParts<T extends { number: number }>(
  editions: readonly T[],
  size = searchPartSize(editions.length),
): SearchPart<T>[] {
  const sorted = [...editions].sort((a, b) => a.number - b.number);
  const parts: SearchPart<T>[] = [];
  for (let start = 0; start === 0 || start < sorted.length; start += size) {
    parts.push({ dir: start === 0 ? '' : `parts/${parts.length + 1}`, editions: sorted.slice(start, start + size) });
  }
  return parts;
}

/**
 * Of the files Pagefind writes for a part, those the main bundle's script
 * reads when it merges the part: its entry, its metadata and its index,
 * fragment and filter chunks (the script, styles and WebAssembly are the
 * main bundle's).
 */
export function isMergedIndexFile(path: string): boolean {
  return path === 'pagefind-entry.json' || path.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(path);
}
