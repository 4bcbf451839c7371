/**
 * A build's Pagefind search index, made from the editions' search documents
 * (`search-document.ts`) as soon as the loader has the editions, so it is
 * built while Astro bundles and renders pages instead of after them. The
 * index is made in parts of at most 1,000 editions, one after another
 * (`search-parts.ts`), and each part is kept in the `search` named cache
 * (`src/cache/`) by its documents: a part whose documents did not change is
 * taken from the cache, not indexed again. The search-index integration
 * writes the parts into the built site at the end.
 */
import * as pagefind from 'pagefind';
import { defineCache, type CacheStore } from '../cache/named-cache.ts';
import { sourceVersion } from '../cache/source-version.ts';
import { handOver, take, type SearchIndex } from '../handoffs.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { getSite } from '../site/settings.ts';
import { searchDocument, type SearchDocument } from './search-document.ts';
import { isMergedIndexFile, PARTS_FILE, SEARCH_PART_SIZE, searchParts } from './search-parts.ts';

/** The parts of the index, by their documents and the code and Pagefind version (the lock file) that index them. */
export const SEARCH = defineCache({
  name: 'search',
  version: (root) => sourceVersion(root, 'src/render/search-index.ts'),
});

const OPTIONS = { includeCharacters: '_' };
type IndexFile = SearchIndex['files'][number];

/** A part's files as one cache entry: for each, its path's and its content's length, then both. */
function packFiles(files: readonly IndexFile[]): Buffer {
  const chunks: Buffer[] = [];
  for (const file of files) {
    const path = Buffer.from(file.path);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(path.length, 0);
    head.writeUInt32BE(file.content.length, 4);
    chunks.push(head, path, Buffer.from(file.content.buffer, file.content.byteOffset, file.content.length));
  }
  return Buffer.concat(chunks);
}

function unpackFiles(entry: Buffer): IndexFile[] {
  const files: IndexFile[] = [];
  for (let at = 0; at < entry.length;) {
    const pathLength = entry.readUInt32BE(at);
    const contentLength = entry.readUInt32BE(at + 4);
    const path = entry.toString('utf8', at + 8, at + 8 + pathLength);
    at += 8 + pathLength;
    files.push({ path, content: entry.subarray(at, at + contentLength) });
    at += contentLength;
  }
  return files;
}

/**
 * Indexes one part's documents in a fresh Pagefind index and returns its
 * files, then frees the index: Pagefind's process holds one part at a time.
 * The documents are added one by one in path order: Pagefind's files depend
 * on the order pages are added.
 */
async function indexPart(documents: readonly SearchDocument[]): Promise<IndexFile[]> {
  const { index, errors } = await pagefind.createIndex(OPTIONS);
  if (!index) throw new Error(errors.join('; '));
  try {
    const problems: string[] = [];
    for (const document of documents) {
      const added = await index.addHTMLFile({ sourcePath: document.path, content: document.html });
      problems.push(...added.errors);
    }
    const got = await index.getFiles();
    problems.push(...got.errors);
    if (problems.length) throw new Error(problems.join('; '));
    return got.files;
  } finally {
    await index.deleteIndex();
  }
}

async function buildIndex(
  editions: readonly Edition[],
  site: SiteSettings,
  store: CacheStore,
  partSize: number,
): Promise<SearchIndex> {
  const files: IndexFile[] = [];
  let indexed = 0;
  const parts = searchParts(editions, partSize);
  const merged = parts.filter((part) => part.dir !== '').map((part) => `${part.dir}/`);
  files.push({ path: PARTS_FILE, content: Buffer.from(JSON.stringify(merged)) });
  try {
    for (const part of parts) {
      const documents = part.editions
        .map((edition) => searchDocument(edition, site))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const key = store.key(...documents.flatMap((document) => [document.path, document.html]));
      const cached = store.get(key);
      let made = cached && unpackFiles(cached);
      if (!made) {
        made = await indexPart(documents);
        indexed += 1;
        // A cache that cannot be written only costs speed: the part is indexed again next time.
        store.set(key, packFiles(made));
      }
      for (const file of made) {
        if (part.dir === '') files.push(file);
        else if (isMergedIndexFile(file.path)) files.push({ path: `${part.dir}/${file.path}`, content: file.content });
      }
    }
  } finally {
    await pagefind.close();
  }
  return { files, pages: editions.length, parts: parts.length, indexed };
}

/**
 * Called by the loader with the editions a build publishes: starts indexing
 * them. `partSize` is for tests, which need a site of several parts.
 */
export function startSearchIndex(
  editions: readonly Edition[],
  site = getSite(),
  root = process.cwd(),
  partSize = SEARCH_PART_SIZE,
): void {
  const indexing = buildIndex(editions, site, SEARCH.at(root), partSize);
  // Waited for, and its failure reported, by the search-index integration.
  indexing.catch(() => {});
  handOver('search-index', indexing);
}

/** The index this build started, once; undefined when none was (`dev`). */
export function takeSearchIndex(): Promise<SearchIndex> | undefined {
  return take('search-index');
}
