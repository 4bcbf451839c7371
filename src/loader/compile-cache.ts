/** The compile cache: each edition file's compiled result, kept between runs. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readEntry, writeEntry } from '../cache/entries.ts';
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

/**
 * A cache of compiled editions, one JSON file per key. The key covers the
 * file's path and bytes, the settings compiling uses, the pipeline's own
 * source code and the installed packages, so a change to any of them misses.
 */
export class CompileCache {
  readonly #dir: string;
  readonly #version: string;

  constructor(root: string, settings: CompileSettings, dir = join(root, 'node_modules/.cache/newsletter')) {
    this.#dir = dir;
    this.#version = pipelineVersion(JSON.stringify(settings), root);
  }

  /** The cache key of one file. */
  key(file: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.#version).update(file).update('\0').update(bytes).digest('hex');
  }

  /** Where the entry of a key is. */
  path(key: string): string {
    return join(this.#dir, `${key}.json`);
  }

  /** A cached result, or undefined on a miss (or an unreadable, truncated or corrupt entry). */
  get(key: string): CompileResult | undefined {
    const payload = readEntry(this.path(key));
    if (!payload) return undefined;
    try {
      return JSON.parse(payload.toString('utf8')) as CompileResult;
    } catch {
      return undefined;
    }
  }

  /** Stores a result; a cache that cannot be written only costs speed. */
  set(key: string, result: CompileResult): void {
    writeEntry(this.path(key), Buffer.from(JSON.stringify(result)));
  }
}
