import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, CompileSettings } from './compile-edition.ts';

/** Source folders whose code decides what an edition compiles to. */
const PIPELINE_DIRS = ['markdown', 'loader', 'schemas', 'lib'];
const SOURCE = fileURLToPath(new URL('../', import.meta.url));

/**
 * A hash of everything besides the file that decides what it compiles to:
 * the settings, the pipeline's own source code and the installed packages.
 */
function pipelineVersion(settings: string): string {
  const hash = createHash('sha256').update(settings);
  try {
    for (const folder of PIPELINE_DIRS) {
      for (const name of readdirSync(join(SOURCE, folder)).sort()) {
        if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(SOURCE, folder, name)));
      }
    }
    hash.update(readFileSync(join(SOURCE, '../package-lock.json')));
  } catch {
    // Sources not where expected (bundled?): a key nobody else has means no stale hits.
    hash.update(String(Math.random()));
  }
  return hash.digest('hex');
}

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
    this.#version = pipelineVersion(JSON.stringify(settings));
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
