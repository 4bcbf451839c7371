/** The search index in parts (`src/render/search-parts.ts`) over the fixture site's editions, for tests. */
import { existsSync } from 'node:fs';
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
