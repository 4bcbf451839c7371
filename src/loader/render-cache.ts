import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, CompileSettings } from './compile-edition.ts';

/** Source folders whose code decides what an edition compiles to. */
const PIPELINE_DIRS = ['markdown', 'loader', 'schemas', 'lib'];
// `src/` beside this file when run from source; in Astro's bundled build, `src/` under the project root.
const SOURCE = [fileURLToPath(new URL('../', import.meta.url)), join(process.cwd(), 'src')].find((dir) =>
  existsSync(join(dir, 'markdown/pipeline.ts')),
);

/**
 * A hash of everything besides the file that decides what it compiles to:
 * the settings, the pipeline's own source code and the installed packages.
 */
export function pipelineVersion(settings: string, source = SOURCE): string {
  const hash = createHash('sha256').update(settings);
  try {
    if (!source) throw new Error('sources not found');
    for (const folder of PIPELINE_DIRS) {
      for (const name of readdirSync(join(source, folder)).sort()) {
        if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(source, folder, name)));
      }
    }
    hash.update(readFileSync(join(source, '../package-lock.json')));
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

let artifactVersion: string | undefined;

/** Where an artifact made from `input` is cached: a hash of the input, the site's source code and packages. */
function artifactPath(kind: string, input: unknown, root: string): string {
  artifactVersion ??= pipelineVersion('artifacts');
  const key = createHash('sha256').update(artifactVersion).update(kind).update(JSON.stringify(input)).digest('hex');
  return join(root, 'node_modules/.cache/newsletter/artifacts', `${kind}-${key}`);
}

async function cached<T extends string | Uint8Array>(file: string, make: () => Promise<T>): Promise<T | Buffer> {
  try {
    return readFileSync(file);
  } catch {
    const made = await make();
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, made);
    } catch {
      // A cache that cannot be written only costs speed.
    }
    return made;
  }
}

/**
 * A file derived from an edition (its link-preview PNG, its email), cached
 * under `node_modules/.cache/newsletter/artifacts/` by everything it is made
 * from — `input` (the parts of the edition model and settings it uses) and
 * the site's own source code and packages — so a rebuild after a one-file
 * edit remakes only that edition's files. `make` runs on a miss.
 */
export async function cachedBytes(
  kind: string,
  input: unknown,
  make: () => Promise<Uint8Array>,
  root = process.cwd(),
): Promise<Uint8Array<ArrayBuffer>> {
  const file = artifactPath(kind, input, root);
  return new Uint8Array(await cached(file, make));
}

/** Text twin of `cachedBytes` (email HTML and text). */
export async function cachedText(
  kind: string,
  input: unknown,
  make: () => string,
  root = process.cwd(),
): Promise<string> {
  const file = artifactPath(kind, input, root);
  const value = await cached(file, async () => make());
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}
