import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileResult, CompileSettings } from './compile-edition.ts';

/** Source folders whose code decides what an edition compiles to. */
const PIPELINE_DIRS = ['src/markdown', 'src/loader', 'src/schemas', 'src/lib'];

/**
 * A cache of compiled editions, one JSON file per key. The key covers the
 * file's path and bytes, the settings compiling uses, the pipeline's own
 * source code and the installed packages, so a change to any of them misses.
 */
export class RenderCache {
  readonly #dir: string;
  readonly #version: string;

  constructor(root: string, settings: CompileSettings, dir = join(root, 'node_modules/.cache/newsletter')) {
    this.#dir = dir;
    const hash = createHash('sha256').update(JSON.stringify(settings));
    for (const folder of PIPELINE_DIRS) {
      for (const name of readdirSync(join(root, folder)).sort()) {
        if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(root, folder, name)));
      }
    }
    try {
      hash.update(readFileSync(join(root, 'package-lock.json')));
    } catch {
      // No lock file: the package versions simply are not part of the key.
    }
    this.#version = hash.digest('hex');
  }

  /** The cache key of one file. */
  key(file: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.#version).update(file).update('\0').update(bytes).digest('hex');
  }

  /** A cached result, or undefined on a miss (or an unreadable entry). */
  get(key: string): CompileResult | undefined {
    try {
      return JSON.parse(readFileSync(join(this.#dir, `${key}.json`), 'utf8')) as CompileResult;
    } catch {
      return undefined;
    }
  }

  /** Stores a result; a cache that cannot be written only costs speed. */
  set(key: string, result: CompileResult): void {
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(join(this.#dir, `${key}.json`), JSON.stringify(result));
    } catch {
      // Read-only or full disk: carry on uncached.
    }
  }
}
