/**
 * The search index is built from each edition's search document
 * (`src/render/search-document.ts`), not from its page, so it can be made
 * while Astro renders. Pagefind must index the two alike: for every built
 * edition page, indexing the page gives the same fragment (its words,
 * headings and anchors, title and date, all hashed into the fragment's
 * name) as the index the build wrote.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { distOf, SITES } from './sites.ts';

/** The fragments Pagefind makes of a site's built edition pages. */
async function fragmentsOfPages(dist: string): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
  if (!index) throw new Error(errors.join('; '));
  try {
    await index.addDirectory({ path: dist, glob: 'editions/*/index.html' });
    const { files } = await index.getFiles();
    return files.map((file) => file.path).filter((path) => path.startsWith('fragment/'));
  } finally {
    await pagefind.close();
  }
}

describe('the search index, made from the editions, is the one their pages give', () => {
  it.each([SITES.content, SITES.fixture, SITES.ar, SITES.corpus])('$name site', async (site) => {
    const dist = distOf(site);
    const pages = readdirSync(join(dist, 'editions')).filter((name) => /^\d+$/.test(name));
    const built = readdirSync(join(dist, 'pagefind/fragment')).map((name) => `fragment/${name}`);
    expect(built).toHaveLength(pages.length);
    expect((await fragmentsOfPages(dist)).sort()).toEqual(built.sort());
  });
});
