/**
 * A build's Pagefind search index, made from the editions' search documents
 * (`search-document.ts`) as soon as the loader has the editions, so it is
 * built while Astro bundles and renders pages instead of after them. The
 * index is made in parts of 250 editions or more, one after another
 * (`search-parts.ts`), and each part is kept in the `search` named cache
 * (`src/cache/`) by its editions and the settings: a part whose editions
 * did not change is taken from the cache, not indexed again. The search-index integration
 * writes the parts into the built site at the end, reading each from the
 * cache then.
 */
import { existsSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { defineCache, type CacheStore } from '../cache/named-cache.ts';
import { sourceVersion } from '../cache/source-version.ts';
import { handOver, take, type SearchIndex } from '../handoffs.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { editionHash, wholeEdition } from '../loader/loaded-editions.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { getSite } from '../site/settings.ts';
import { searchDocument, type SearchDocument } from './search-document.ts';
import { isMergedIndexFile, PARTS_FILE, searchPartSize, searchParts } from './search-parts.ts';

/** The parts of the index, by their documents and the code and Pagefind version (the lock file) that index them. */
export const SEARCH = defineCache({
  name: 'search',
  version: (root) => sourceVersion(root, 'src/render/search-index.ts'),
});

const OPTIONS = { includeCharacters: '_' };
/** How many documents are handed to Pagefind before the first of them is answered. */
const FILES_IN_FLIGHT = 16;
/** A file of the index, its path under `pagefind/` (or the part's folder). */
interface IndexFile {
  path: string;
  content: Uint8Array;
}

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
    let failed: unknown;
    const note = (added: { errors: string[] }) => void problems.push(...added.errors);
    // Caught at once (a file still waiting its turn would be an unhandled rejection), thrown after.
    const fail = (error: unknown) => void (failed ??= error);
    // A few files in flight, so Pagefind's process works through them while this one renders pages
    // (1,000 documents: 4.3 s instead of 7.1 s beside a busy event loop, the same index; bench/RESULTS.md).
    const inFlight: Promise<void>[] = [];
    for (const document of documents) {
      inFlight.push(index.addHTMLFile({ sourcePath: document.path, content: document.html }).then(note, fail));
      if (inFlight.length >= FILES_IN_FLIGHT) await inFlight.shift();
      if (failed !== undefined) break;
    }
    await Promise.all(inFlight);
    if (failed !== undefined) throw failed;
    const got = await index.getFiles();
    problems.push(...got.errors);
    if (problems.length) throw new Error(problems.join('; '));
    return got.files;
  } finally {
    await index.deleteIndex();
  }
}

/** A part of the index: where it goes, its editions, its cache key, and its files when the cache could not keep them. */
interface PartPlan {
  dir: string;
  editions: readonly EditionSummary[];
  key: string;
  held?: IndexFile[];
}

/** A part's documents, in path order (each edition's HTML inflated for it alone). */
const documentsOf = (editions: readonly EditionSummary[], site: SiteSettings) =>
  editions
    .map((edition) => searchDocument(wholeEdition(edition), site))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/**
 * A part's cache key: its editions' hashes (of everything in each, HTML
 * included) and the settings. The documents are made from these alone, by
 * code the cache's version covers (`search-document.ts` is imported here), so
 * an unchanged part is known without inflating its editions and making
 * their documents: 0.9 s of a rebuild at 1,000 editions (bench/RESULTS.md).
 */
const partKey = (store: CacheStore, editions: readonly EditionSummary[], site: SiteSettings) =>
  store.key('documents of', JSON.stringify(site), ...editions.map(editionHash));

/**
 * Indexes each part that the cache does not hold and leaves it there. The
 * files are not held in this process (Astro's, which holds the rest of the
 * build meanwhile) unless the cache could not keep them.
 */
async function buildIndex(
  editions: readonly EditionSummary[],
  site: SiteSettings,
  store: CacheStore,
  partSize: number,
): Promise<SearchIndex> {
  const plans: PartPlan[] = [];
  let indexed = 0;
  try {
    for (const part of searchParts(editions, partSize)) {
      const plan: PartPlan = { dir: part.dir, editions: part.editions, key: partKey(store, part.editions, site) };
      plans.push(plan);
      const entry = store.file(plan.key);
      if (existsSync(entry)) {
        // Checked when it is read, at the end; marked as used by this build so the pruner keeps it.
        store.touch(entry);
        continue;
      }
      const made = await indexPart(documentsOf(part.editions, site));
      indexed += 1;
      store.set(plan.key, packFiles(made));
      if (!existsSync(entry)) plan.held = made;
    }
  } finally {
    await pagefind.close();
  }
  return { pages: editions.length, parts: plans.length, indexed, files: () => filesOf(plans, site, store) };
}

/**
 * The index's files, part by part: `parts.json`, then each part's from the
 * cache (checked as it is read) or as held; a part whose entry went missing
 * or does not check is indexed again, never published from a bad entry.
 */
async function* filesOf(plans: readonly PartPlan[], site: SiteSettings, store: CacheStore): AsyncGenerator<IndexFile> {
  const merged = plans.filter((plan) => plan.dir !== '').map((plan) => `${plan.dir}/`);
  yield { path: PARTS_FILE, content: Buffer.from(JSON.stringify(merged)) };
  try {
    for (const plan of plans) {
      const cached = plan.held ? undefined : store.get(plan.key);
      const files = plan.held ?? (cached ? unpackFiles(cached) : await indexPart(documentsOf(plan.editions, site)));
      for (const file of files) {
        if (plan.dir === '') yield file;
        else if (isMergedIndexFile(file.path)) yield { path: `${plan.dir}/${file.path}`, content: file.content };
      }
    }
  } finally {
    await pagefind.close();
  }
}

/**
 * Called by the loader with the editions a build publishes: starts indexing
 * them. `partSize` is for tests, which need a site of several parts.
 */
export function startSearchIndex(
  editions: readonly EditionSummary[],
  site = getSite(),
  root = process.cwd(),
  partSize = searchPartSize(editions.length),
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
