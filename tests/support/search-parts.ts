/** The search index in parts (`src/render/search-parts.ts`) over the fixture site's editions, for tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEditions } from '../../src/loader/load-editions.ts';
import type { SearchIndex } from '../../src/handoffs.ts';
import { startSearchIndex, takeSearchIndex } from '../../src/render/search-index.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import { getSite } from '../../src/site/settings.ts';
import { distOf, ROOT, SITES } from '../build/sites.ts';

/** The editions the fixture site published (those it has a page for). */
export async function publishedFixtureEditions(): Promise<Edition[]> {
  const dist = distOf(SITES.fixture);
  const { editions } = await loadEditions({ root: ROOT, dir: SITES.fixture.editions, settings: getSite() });
  return editions.filter((edition) => existsSync(join(dist, `editions/${edition.number}/index.html`)));
}

/** The index of `editions` in parts of `size`, as a build makes it, and its files once read. */
export async function indexInParts(editions: readonly Edition[], size: number, site = getSite()) {
  startSearchIndex(editions, site, ROOT, size);
  const index = (await takeSearchIndex())!;
  return { ...index, files: await readAll(index) };
}

/** Every file of an index. */
export async function readAll(index: SearchIndex): Promise<{ path: string; content: Uint8Array }[]> {
  const files = [];
  for await (const file of index.files()) files.push(file);
  return files;
}

/** A built site's index folders: `pagefind/`, then each part `pagefind/parts.json` lists. */
export function builtParts(dist: string): string[] {
  const parts = JSON.parse(readFileSync(join(dist, 'pagefind/parts.json'), 'utf8')) as string[];
  return [join(dist, 'pagefind'), ...parts.map((part) => join(dist, 'pagefind', part))];
}

/** The pages a built site's index holds, over all its parts. */
export function indexedPageCount(dist: string): number {
  return builtParts(dist)
    .map(
      (dir) =>
        JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        },
    )
    .reduce((sum, entry) => sum + Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0), 0);
}

/** The fragment files of a built site's index, over all its parts, as `fragment/<name>`. */
export function builtFragments(dist: string): string[] {
  return builtParts(dist).flatMap((dir) => readdirSync(join(dir, 'fragment')).map((name) => `fragment/${name}`));
}
