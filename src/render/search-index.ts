/**
 * A build's Pagefind search index, made from the editions' search documents
 * (`search-document.ts`) as soon as the loader has the editions, so it is
 * built while Astro bundles and renders pages instead of after them. The
 * documents are kept under `node_modules/.cache/newsletter/search/`,
 * Pagefind indexes that folder (its own threads read and parse the files)
 * and writes the index beside it, and the search-index integration links
 * the index into the built site at the end.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { getSite } from '../site/settings.ts';
import { searchDocument } from './search-document.ts';

// Documents written at a time.
const BATCH = 100;

/** Where the index was written, and how many editions it holds. */
export interface SearchIndex {
  folder: string;
  pages: number;
}

const HANDOFF = Symbol.for('newsletter.search-index');
const slot = globalThis as { [HANDOFF]?: Promise<SearchIndex> };

/**
 * Writes each edition's document under `documents/editions/<n>/index.html`,
 * leaving alone those already there byte for byte and removing those of
 * editions no longer published. All of it off the main thread: Astro renders
 * meanwhile, and the disk may still be busy with the last build.
 */
async function writeDocuments(editions: readonly Edition[], site: SiteSettings, documents: string): Promise<void> {
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
        if (old?.equals(html)) return;
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, html);
      }),
    );
  }
}

async function buildIndex(editions: readonly Edition[], site: SiteSettings, root: string): Promise<SearchIndex> {
  const work = join(root, 'node_modules/.cache/newsletter/search');
  const documents = join(work, 'documents');
  // A new folder for each build's index (the last one's files are linked into the site it built); older ones go.
  const folder = join(work, `index-${Date.now()}-${process.pid}`);
  const old = (await readdir(work).catch(() => [] as string[])).filter((name) => name.startsWith('index-'));
  const removed = Promise.all(old.map((name) => rm(join(work, name), { recursive: true, force: true })));
  await writeDocuments(editions, site, documents);
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

/** Called by the loader with the editions a build publishes: starts indexing them. */
export function startSearchIndex(editions: readonly Edition[], site = getSite(), root = process.cwd()): void {
  const indexing = buildIndex(editions, site, root);
  // Waited for, and its failure reported, by the search-index integration.
  indexing.catch(() => {});
  slot[HANDOFF] = indexing;
}

/** The index this build started, once; undefined when none was (`dev`). */
export function takeSearchIndex(): Promise<SearchIndex> | undefined {
  const indexing = slot[HANDOFF];
  delete slot[HANDOFF];
  return indexing;
}
