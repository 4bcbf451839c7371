/** The compile cache: each edition file's compiled result, kept between runs (a named cache, `src/cache/`). */
import { defineCache } from '../cache/named-cache.ts';
import { sourceVersion } from '../cache/source-version.ts';
import type { EditionPack } from '../handoffs.ts';
import type { CompileResult, CompileSettings } from './compile-edition.ts';
import { packEdition, unpackEdition } from './loaded-editions.ts';

/** The entry's layout; a new one misses every older entry. */
const FORMAT = 'header and pack 1';

/** An entry's first line: the result, with its edition's key and HTML length in place of the edition. */
type Header = Omit<CompileResult, 'edition'> & { edition: Omit<EditionPack, 'json'> | null };

/** The module whose imports decide what an edition compiles to. */
export const COMPILE_ENTRY = 'src/loader/compile-edition.ts';

/**
 * A hash of everything besides the file that decides what it compiles to:
 * the settings, the source of every module compiling imports, and the
 * installed packages.
 */
export function pipelineVersion(settings: string, root: string): string {
  return sourceVersion(root, COMPILE_ENTRY, settings);
}

/**
 * Compiled editions, one entry per file: the result as one line of JSON, then
 * its edition packed (`loaded-editions.ts`), so a hit is not stringified,
 * hashed and deflated again for the collection. Keyed by the file's path and
 * bytes, the settings and the pipeline's code.
 */
export const COMPILED = defineCache({ name: 'compiled', version: (root) => pipelineVersion('', root) });

/** The compile cache of one project, for one set of settings. */
export class CompileCache {
  readonly #store;
  readonly #settings: string;

  constructor(root: string, settings: CompileSettings) {
    this.#store = COMPILED.at(root);
    this.#settings = JSON.stringify(settings);
  }

  /** The cache key of one file. */
  key(file: string, bytes: Uint8Array): string {
    return this.#store.key(FORMAT, this.#settings, file, bytes);
  }

  /** A cached result, or undefined on a miss (or an unreadable, truncated or corrupt entry). */
  get(key: string): CompileResult | undefined {
    const payload = this.#store.get(key);
    if (!payload) return undefined;
    const end = payload.indexOf(10);
    if (end < 0) return undefined;
    try {
      const { edition, ...rest } = JSON.parse(payload.subarray(0, end).toString('utf8')) as Header;
      if (!edition) return { ...rest, edition: null };
      // A copy of exactly its size, kept with the edition: the payload is a view of a larger file buffer.
      const json = new Uint8Array(payload.subarray(end + 1));
      return { ...rest, edition: unpackEdition({ ...edition, json }) };
    } catch {
      return undefined;
    }
  }

  /** Stores a result; a cache that cannot be written only costs speed. */
  set(key: string, result: CompileResult): void {
    const pack = result.edition ? packEdition(result.edition) : undefined;
    const header: Header = { ...result, edition: pack ? { key: pack.key, htmlLength: pack.htmlLength } : null };
    this.#store.set(key, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), pack?.json ?? new Uint8Array()]));
  }
}
