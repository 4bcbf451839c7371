/**
 * Every value handed from one part of the build to another that cannot
 * simply import it. Astro runs the content loader, the integrations and the
 * pages in one process but in different module graphs (the content config
 * is loaded apart from the astro config, each loader's graph is closed once
 * it has loaded, the pages are bundled), so a module-level variable written
 * in one is not the one read in another. What they share is `globalThis`:
 * every such value has one named slot here, with its type, who sets it and
 * who reads it, and nowhere else uses `globalThis` for it. The one value
 * that crosses a process boundary, from `npm run build` to the `astro build`
 * it starts, is an environment variable, named here too.
 */
import type { Problem } from './diagnostics/problem.ts';
import type { Edition, EditionSummary } from './schemas/edition-model.ts';
import type { FileProblems } from './schemas/file-problems.ts';

/** `dev`: what the editions loader's last sync found. */
export interface LiveContent {
  editions: Edition[];
  problems: FileProblems[];
}

/** The editions a process loaded, by their keys, as summaries, each with its whole edition packed (`loader/loaded-editions.ts`). */
export interface KeptEditions {
  byKey: Map<string, EditionSummary>;
  /** Each kept summary's pack. */
  packs: WeakMap<EditionSummary, EditionPack>;
  /** The hashes of whole editions, worked out once each. */
  hashes: WeakMap<Edition, string>;
  /** The packs of whole editions made or read so far (by the compile cache), so none is deflated twice. */
  wholePacks: WeakMap<Edition, EditionPack>;
}

/** An edition packed: the hash of its JSON (its key), that JSON deflated, and its HTML's length. */
export interface EditionPack {
  key: string;
  json: Uint8Array;
  htmlLength: number;
}

/** The search index: how many editions it holds, in how many parts, and its files (paths under `pagefind/`). */
export interface SearchIndex {
  pages: number;
  /** Its parts (`render/search-parts.ts`), and how many of them this build indexed rather than took from the cache. */
  parts: number;
  indexed: number;
  /** Its files, read one part at a time. */
  files: () => AsyncIterable<{ path: string; content: Uint8Array }>;
}

/** An edition's file besides its page and its key in the artifact cache. */
export interface PlannedFile {
  name: string;
  key: string;
}

/** An edition's files made again, by name. */
export type MadeFiles = Partial<Record<string, Uint8Array>>;

/** What the loader hands over to the end of the build about the editions' files besides their pages. */
export interface EditionFiles {
  /** The project whose artifact cache holds the files. */
  root: string;
  /** Every published edition and the cache keys of its files (the artifact rows of the table of outputs). */
  planned: { edition: EditionSummary; files: PlannedFile[] }[];
  /** The making of the files the cache lacked; its problems stop the build. */
  made: Promise<Problem[]>;
  /**
   * Makes the files of these editions again, in fresh processes that hand
   * back their bytes instead of leaving them in the cache (entries damaged
   * since, or a cache that cannot be written), to `each` as they come; a
   * file never handed to `each` could not be made.
   */
  make: (editions: EditionSummary[], each: (edition: EditionSummary, files: MadeFiles) => void) => Promise<void>;
}

/** One edition page of a build: its key in the page cache, and whether the cache already has it. */
export interface PlannedPage {
  number: number;
  key: string;
  cached: boolean;
}

/** Every hand-off, by name. */
export interface Handoffs {
  /**
   * The editions themselves, by the key the collection stores (Astro's data
   * store holds only number and key), as summaries whose HTML is kept packed
   * beside them. Set by the editions loader (`loader/loaded-editions.ts`,
   * `storedEdition`); read by the pages through `model/collection.ts`
   * (`loadedEdition`). A `dev` session keeps every edition it loaded.
   */
  'loaded-editions': KeptEditions;
  /**
   * `dev`: the loader's last sync, and how to reload the browser. Content
   * set by the editions loader (`loader/dev-live.ts`, `publishLive`) and read
   * by `model/collection.ts`; `reload` set by `integrations/dev-reload.ts`.
   */
  'dev-live': { content?: LiveContent; reload?: () => void };
  /**
   * A build's search index in progress. Set by `render/search-index.ts`
   * (`startSearchIndex`, called from the editions collection); read, once,
   * by `integrations/search-index.ts`.
   */
  'search-index': Promise<SearchIndex>;
  /**
   * A build's social images and emails in progress. Set by
   * `render/artifact-processes.ts` (`startEditionFiles`, called from the
   * editions collection); read, once, by `render/edition-files.ts` for
   * `integrations/edition-files.ts`.
   */
  'edition-files': EditionFiles;
  /**
   * Which edition pages this build renders and which come from the page
   * cache. Set by the edition page's `getStaticPaths`
   * (`render/page-cache.ts`, `planEditionPages`); read, once, by
   * `integrations/page-cache.ts`.
   */
  'page-plan': PlannedPage[];
}

const SLOTS = Symbol.for('newsletter.handoffs');
const slots = ((globalThis as { [SLOTS]?: Partial<Handoffs> })[SLOTS] ??= {});

/** Sets a hand-off. */
export function handOver<K extends keyof Handoffs>(name: K, value: Handoffs[K]): void {
  slots[name] = value;
}

/** A hand-off, left in place (read by many, or more than once); undefined when never set. */
export function peek<K extends keyof Handoffs>(name: K): Handoffs[K] | undefined {
  return slots[name];
}

/** A hand-off, once: it is removed as it is read. */
export function take<K extends keyof Handoffs>(name: K): Handoffs[K] | undefined {
  const value = slots[name];
  delete slots[name];
  return value;
}

/** A hand-off that starts empty and is shared from its first use (`loaded-editions`, `dev-live`). */
export function shared<K extends 'loaded-editions' | 'dev-live'>(name: K, empty: () => Handoffs[K]): Handoffs[K] {
  return (slots[name] ??= empty());
}

/**
 * Set by `scripts/build.ts` for the `astro build` it starts: the site being
 * replaced, whose unchanged files the new one links instead of writing
 * (`cache/previous-output.ts`); read by `previousOutput()`.
 */
export const PREVIOUS_OUTPUT_VARIABLE = 'NEWSLETTER_PREVIOUS_OUTPUT';

/** The previous output `npm run build` named, if any. */
export function previousOutput(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[PREVIOUS_OUTPUT_VARIABLE] || undefined;
}
