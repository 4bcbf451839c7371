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
import { indexInParts, publishedFixtureEditions } from '../support/search-parts.ts';
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

describe('the search index in parts', () => {
  const text = (files: { path: string; content: Uint8Array }[], path: string) =>
    Buffer.from(files.find((file) => file.path === path)!.content).toString();

  it('lists its parts for the search page, each an index of its own editions without a second copy of Pagefind', async () => {
    const editions = await publishedFixtureEditions();
    expect(editions.map((e) => e.number).sort()).toEqual([1, 3, 4]);
    const index = await indexInParts(editions, 2);
    expect(JSON.parse(text(index.files, 'parts.json'))).toEqual(['parts/2/']);
    expect(JSON.parse(text(index.files, 'pagefind-entry.json')).languages['en-us'].page_count).toBe(2);
    expect(JSON.parse(text(index.files, 'parts/2/pagefind-entry.json')).languages['en-us'].page_count).toBe(1);
    const paths = index.files.map((file) => file.path);
    expect(paths).toContain('pagefind.js');
    expect(paths.filter((path) => path.startsWith('parts/2/') && /\.(js|css)$|wasm/.test(path))).toEqual([]);
    expect(paths.filter((path) => /^(parts\/\d+\/)?fragment\//.test(path))).toHaveLength(3);
  });

  it('indexes again only the part whose editions changed, and takes the others from the cache as they were made', async () => {
    const editions = await publishedFixtureEditions();
    // A first index: whatever the cache held, both parts are there now.
    await indexInParts(editions, 2);
    const changed = editions.map((e) => (e.number === 4 ? { ...e, introHtml: `${e.introHtml}<p>Corrected.</p>` } : e));
    const again = await indexInParts(changed, 2);
    expect([again.parts, again.indexed]).toEqual([2, 1]);
    const unchanged = await indexInParts(changed, 2);
    expect([unchanged.parts, unchanged.indexed]).toEqual([2, 0]);
    expect(unchanged.files).toEqual(again.files);
  });
});
