/**
 * The build's one cache mechanism. Every store kept between runs (compiled
 * editions, artifacts, pages, search documents, build records) is a named
 * cache declared with `defineCache` in the layer that owns its data: one
 * sub-folder of the cache root each, one key scheme (a sha256 of the cache's
 * name, its code version and the key's parts), entries written whole and
 * checked when read (`entries.ts`), and one pruner.
 *
 * The root is `NEWSLETTER_CACHE_DIR` (a path from the project root), else
 * `node_modules/.cache/newsletter`; the tests point it at a temporary folder.
 *
 * Pruning: reading or writing an entry stamps its modification time, and
 * `npm run build` records when each full build started. After a build,
 * `pruneCaches` removes every file of every named cache that none of the
 * last three builds touched, so the folder stays bounded however often the
 * code changes, and a CI that alternates two configurations (a check build
 * and a deploy build with another `SITE_URL`) keeps the entries of both.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEntry, writeEntry } from './entries.ts';

/** The cache root when `NEWSLETTER_CACHE_DIR` is not set, relative to the project root. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/newsletter';
/** How many of the latest builds keep the entries they used. */
export const BUILDS_KEPT = 3;
/** The pruner's record of when the latest builds started, in the cache root. */
const BUILDS_FILE = 'recent-builds.json';

/** The folder every named cache lives in, for the project at `projectRoot`. */
export function cacheRoot(projectRoot = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['NEWSLETTER_CACHE_DIR'];
  return resolve(projectRoot, dir && dir.trim() !== '' ? dir : DEFAULT_CACHE_DIR);
}

/** A named cache of one project: its folder, keys and entries. */
export interface CacheStore {
  /** The cache's name, which is also its sub-folder of the cache root. */
  readonly name: string;
  /** Where its entries are. */
  readonly folder: string;
  /** The key of an entry made from `parts` (and the cache's name and code version). */
  key(...parts: readonly (string | Uint8Array)[]): string;
  /** Where the entry of a key is (for a process that reads it without this module's help). */
  file(key: string): string;
  /** The verified payload of an entry, or undefined on a miss (missing, truncated, corrupt). */
  get(key: string): Buffer | undefined;
  /** Stores an entry, whole or not at all; a cache that cannot be written only costs speed. */
  set(key: string, payload: Uint8Array): void;
  /** Marks a file of the cache as used by this build, so the pruner keeps it. */
  touch(path: string): void;
  /** Removes the cache's files that none of the last builds used; returns how many. */
  prune(): number;
}

/** How a named cache is declared. */
export interface CacheDeclaration {
  /** Its sub-folder of the cache root: lower-case words and dashes. */
  name: string;
  /** The version of the code that makes its entries (worked out once per project, when first needed). */
  version: (projectRoot: string) => string;
}

/** A declared cache: `at(root)` gives its store for one project (the working directory by default). */
export interface NamedCache {
  readonly name: string;
  at(projectRoot?: string): CacheStore;
}

/**
 * Declares a named cache, once, in the module that owns its data (a module
 * may be loaded in more than one of Astro's module graphs; each copy reads
 * and writes the same folder). `tests/unit/named-cache.test.ts` holds every
 * name to one declaration.
 */
export function defineCache(declaration: CacheDeclaration): NamedCache {
  const { name } = declaration;
  const stores = new Map<string, CacheStore>();
  return {
    name,
    at(projectRoot = process.cwd()) {
      const folder = join(cacheRoot(projectRoot), name);
      let store = stores.get(folder);
      if (!store) stores.set(folder, (store = openStore(name, folder, () => declaration.version(projectRoot))));
      return store;
    },
  };
}

function openStore(name: string, folder: string, versionOf: () => string): CacheStore {
  let version: string | undefined;
  const file = (key: string) => join(folder, key);
  const touch = (path: string) => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Gone or read-only: the pruner may take it, which costs only speed.
    }
  };
  return {
    name,
    folder,
    key(...parts) {
      const hash = createHash('sha256')
        .update(name)
        .update('\0')
        .update((version ??= versionOf()));
      for (const part of parts) hash.update('\0').update(part);
      return hash.digest('hex');
    },
    file,
    get(key) {
      const payload = readEntry(file(key));
      if (payload) touch(file(key));
      return payload;
    },
    set(key, payload) {
      writeEntry(file(key), payload);
      // Stamped by this clock, the one build start times are read from (the file system's may lag a little).
      touch(file(key));
    },
    touch,
    prune: () => pruneFolder(folder, oldestKeptBuild(join(folder, '..'))),
  };
}

/** When the oldest of the last `BUILDS_KEPT` builds started, or undefined before the first is recorded. */
function oldestKeptBuild(root: string): number | undefined {
  const starts = recordedBuilds(root);
  return starts.length ? Math.min(...starts) : undefined;
}

function recordedBuilds(root: string): number[] {
  try {
    const starts = JSON.parse(readFileSync(join(root, BUILDS_FILE), 'utf8')) as unknown;
    return Array.isArray(starts) ? starts.filter((s): s is number => typeof s === 'number') : [];
  } catch {
    return [];
  }
}

/** Removes every file under `folder` last used before `since` (and folders left empty); returns how many files. */
function pruneFolder(folder: string, since: number | undefined): number {
  if (since === undefined) return 0;
  let removed = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    try {
      if (entry.isDirectory()) {
        removed += pruneFolder(path, since);
        if (readdirSync(path).length === 0) rmSync(path, { recursive: true, force: true });
      } else if (statSync(path).mtimeMs < since) {
        rmSync(path, { force: true });
        removed++;
      }
    } catch {
      // Removed meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * After a full build that started at `startedAt`: records the build and
 * removes, from every named cache under the root, what none of the last
 * `BUILDS_KEPT` builds used. Returns how many files went.
 */
export function pruneCaches(startedAt: number, projectRoot = process.cwd()): number {
  const root = cacheRoot(projectRoot);
  const starts = [...recordedBuilds(root), startedAt].sort((a, b) => a - b).slice(-BUILDS_KEPT);
  try {
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, BUILDS_FILE), JSON.stringify(starts));
  } catch {
    return 0; // A cache that cannot be written is not pruned either.
  }
  let removed = 0;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) removed += pruneFolder(join(root, entry.name), Math.min(...starts));
  }
  return removed;
}
