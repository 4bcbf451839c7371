/**
 * A build's Pagefind search index, made from the editions' search documents
 * (`search-document.ts`) as soon as the loader has the editions, so it is
 * built while Astro bundles and renders pages instead of after them. The
 * documents are written under `node_modules/.cache/newsletter/search/`,
 * Pagefind indexes that folder (its own threads read and parse the files)
 * and writes the index beside it, and the search-index integration puts the
 * index into the built site at the end.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { getSite } from '../site/settings.ts';
import { searchDocument } from './search-document.ts';

/** Where the index was written, and how many editions it holds. */
export interface SearchIndex {
  folder: string;
  pages: number;
}

const HANDOFF = Symbol.for('newsletter.search-index');
const slot = globalThis as { [HANDOFF]?: Promise<SearchIndex> };

async function buildIndex(editions: readonly Edition[], site: SiteSettings, root: string): Promise<SearchIndex> {
  const work = join(root, 'node_modules/.cache/newsletter/search');
  const documents = join(work, 'documents');
  const folder = join(work, 'index');
  rmSync(work, { recursive: true, force: true });
  for (const edition of editions) {
    const document = searchDocument(edition, site);
    const file = join(documents, document.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, document.html);
  }
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
  if (!index) throw new Error(errors.join('; '));
  try {
    const added = await index.addDirectory({ path: documents, glob: 'editions/*/index.html' });
    const written = await index.writeFiles({ outputPath: folder });
    const problems = [...added.errors, ...written.errors];
    if (problems.length) throw new Error(problems.join('; '));
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
