/**
 * A build's Pagefind search index, made from the editions' search documents
 * (`search-document.ts`) as soon as the loader has the editions, so it is
 * built while Astro bundles and renders pages instead of after them. The
 * documents are kept in the `search` named cache's folder (`src/cache/`),
 * Pagefind indexes that folder (its own threads read and parse the files)
 * and writes the index beside it, and the search-index integration copies
 * the index into the built site at the end. A cache folder that cannot be
 * written makes the same index in memory.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { defineCache, type CacheStore } from '../cache/named-cache.ts';
import { handOver, take, type SearchIndex } from '../handoffs.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { getSite } from '../site/settings.ts';
import { searchDocument } from './search-document.ts';

/**
 * The search documents and the latest index. Documents are plain HTML files
 * (Pagefind reads the folder), compared byte for byte rather than keyed, so
 * the cache's code version plays no part.
 */
export const SEARCH = defineCache({ name: 'search', version: () => '' });

// Documents written at a time.
const BATCH = 100;

/**
 * Writes each edition's document under `documents/editions/<n>/index.html`,
 * leaving alone those already there byte for byte and removing those of
 * editions no longer published. All of it off the main thread: Astro renders
 * meanwhile, and the disk may still be busy with the last build.
 */
async function writeDocuments(
  editions: readonly Edition[],
  site: SiteSettings,
  documents: string,
  store: CacheStore,
): Promise<void> {
  const current = new Set(editions.map((edition) => String(edition.number)));
  const folders = await readdir(join(documents, 'editions')).catch(() => [] as string[]);
  await Promise.all(
    folders
      .filter((name) => !current.has(name))
      .map((name) => rm(join(documents, 'editions', name), { recursive: true, force: true })),
  );
  for (let start = 0; start < editions.length; start += BATCH) {
    await Promise.all(
      editions.slice(start, start + BATCH).map(async (edition) => {
        const document = searchDocument(edition, site);
        const file = join(documents, document.path);
        const html = Buffer.from(document.html);
        const old = await readFile(file).catch(() => undefined);
        // Kept as it is, and marked as used by this build so the pruner keeps it.
        if (old?.equals(html)) return store.touch(file);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, html);
      }),
    );
  }
}

async function buildIndex(editions: readonly Edition[], site: SiteSettings, root: string): Promise<SearchIndex> {
  try {
    return await indexFolder(editions, site, root);
  } catch {
    // A cache folder that cannot be written (full, read-only) only costs speed: the index is made in memory.
    return indexInMemory(editions, site);
  }
}

async function indexFolder(editions: readonly Edition[], site: SiteSettings, root: string): Promise<SearchIndex> {
  const store = SEARCH.at(root);
  const work = store.folder;
  const documents = join(work, 'documents');
  // A new folder for each build's index (the last one's files are copied into the site it built); older ones go.
  const folder = join(work, `index-${Date.now()}-${process.pid}`);
  const old = (await readdir(work).catch(() => [] as string[])).filter((name) => name.startsWith('index-'));
  const removed = Promise.all(old.map((name) => rm(join(work, name), { recursive: true, force: true })));
  await writeDocuments(editions, site, documents, store);
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
  if (!index) throw new Error(errors.join('; '));
  try {
    const added = await index.addDirectory({ path: documents, glob: 'editions/*/index.html' });
    const written = await index.writeFiles({ outputPath: folder });
    const problems = [...added.errors, ...written.errors];
    if (problems.length) throw new Error(problems.join('; '));
    await removed;
    return { folder, pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/** The same index, from documents handed to Pagefind one by one and files kept in memory. */
async function indexInMemory(editions: readonly Edition[], site: SiteSettings): Promise<SearchIndex> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
  if (!index) throw new Error(errors.join('; '));
  try {
    const problems: string[] = [];
    // In a fixed order: Pagefind's index files depend on the order pages are added (from a folder, the order it lists them).
    const documents = editions.map((edition) => searchDocument(edition, site));
    for (const document of documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const added = await index.addHTMLFile({ sourcePath: document.path, content: document.html });
      problems.push(...added.errors);
    }
    const got = await index.getFiles();
    problems.push(...got.errors);
    if (problems.length) throw new Error(problems.join('; '));
    return { files: got.files, pages: editions.length };
  } finally {
    await pagefind.close();
  }
}

/** Called by the loader with the editions a build publishes: starts indexing them. */
export function startSearchIndex(editions: readonly Edition[], site = getSite(), root = process.cwd()): void {
  const indexing = buildIndex(editions, site, root);
  // Waited for, and its failure reported, by the search-index integration.
  indexing.catch(() => {});
  handOver('search-index', indexing);
}

/** The index this build started, once; undefined when none was (`dev`). */
export function takeSearchIndex(): Promise<SearchIndex> | undefined {
  return take('search-index');
}
