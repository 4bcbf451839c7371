/**
 * The search index is built from each edition's search document
 * (`src/render/search-document.ts`), not from its page, so it can be made
 * while Astro renders. Pagefind must index the two alike: for every built
 * edition page, indexing the page gives the same fragment (its words,
 * headings and anchors, title and date, all hashed into the fragment's
 * name) as the index the build wrote.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH, startSearchIndex, takeSearchIndex } from '../../src/render/search-index.ts';
import { getSite } from '../../src/site/settings.ts';
import { builtFragments, indexInParts, publishedFixtureEditions, readAll } from '../support/search-parts.ts';
import { distOf, ROOT, SITES } from './sites.ts';

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
    const built = builtFragments(dist);
    expect(built).toHaveLength(pages.length);
    expect((await fragmentsOfPages(dist)).sort()).toEqual(built.sort());
  });
});

describe('the search index in parts', () => {
  // Each test starts from an empty cache of its own, so that what it indexes and finds there is its alone.
  const shared = process.env['NEWSLETTER_CACHE_DIR'];
  let cache: string;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'search-parts-cache-'));
    process.env['NEWSLETTER_CACHE_DIR'] = cache;
  });
  afterEach(() => {
    process.env['NEWSLETTER_CACHE_DIR'] = shared;
    rmSync(cache, { recursive: true, force: true });
  });
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
    expect((await indexInParts(editions, 2)).indexed).toBe(2);
    const changed = editions.map((e) => (e.number === 4 ? { ...e, introHtml: `${e.introHtml}<p>Corrected.</p>` } : e));
    const again = await indexInParts(changed, 2);
    expect([again.parts, again.indexed]).toEqual([2, 1]);
    const unchanged = await indexInParts(changed, 2);
    expect([unchanged.parts, unchanged.indexed]).toEqual([2, 0]);
    expect(unchanged.files).toEqual(again.files);
    // The site's name is in every document's title: a new name indexes every part again.
    const renamed = await indexInParts(changed, 2, { ...getSite(), name: 'Renamed Weekly' });
    expect([renamed.parts, renamed.indexed]).toEqual([2, 2]);
    expect(text(renamed.files, 'pagefind-entry.json')).not.toEqual(text(unchanged.files, 'pagefind-entry.json'));
  });

  it('indexes a part again when its cache entry is gone or damaged by the time the files are written', async () => {
    const editions = await publishedFixtureEditions();
    const whole = await indexInParts(editions, 2);
    expect(whole.indexed).toBe(2);
    startSearchIndex(editions, getSite(), ROOT, 2);
    const index = (await takeSearchIndex())!;
    expect(index.indexed).toBe(0);
    const folder = SEARCH.at(ROOT).folder;
    const entries = readdirSync(folder);
    expect(entries).toHaveLength(2);
    rmSync(join(folder, entries[0]!));
    writeFileSync(join(folder, entries[1]!), 'damaged');
    expect(await readAll(index)).toEqual(whole.files);
  });
});
