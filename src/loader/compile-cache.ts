/** The compile cache: each edition file's compiled result, kept between runs (a named cache, `src/cache/`). */
import { defineCache } from '../cache/named-cache.ts';
import { sourceVersion } from '../cache/source-version.ts';
import type { CompileResult, CompileSettings } from './compile-edition.ts';

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

/** Compiled editions, one JSON entry per file, keyed by its path and bytes, the settings and the pipeline's code. */
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
    return this.#store.key(this.#settings, file, bytes);
  }

  /** A cached result, or undefined on a miss (or an unreadable, truncated or corrupt entry). */
  get(key: string): CompileResult | undefined {
    const payload = this.#store.get(key);
    if (!payload) return undefined;
    try {
      return JSON.parse(payload.toString('utf8')) as CompileResult;
    } catch {
      return undefined;
    }
  }

  /** Stores a result; a cache that cannot be written only costs speed. */
  set(key: string, result: CompileResult): void {
    this.#store.set(key, Buffer.from(JSON.stringify(result)));
  }
}
