import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, CompileSettings } from './compile-edition.ts';

/** Source folders whose code decides what an edition compiles to. */
const PIPELINE_DIRS = ['markdown', 'loader', 'schemas', 'lib', 'i18n'];
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

/** First bytes of every cache entry: a format tag, then the payload's length and sha256. */
const MAGIC = 'newsletter-cache-1';

/** A cache entry: a one-line header (`newsletter-cache-1 <bytes> <sha256>`) and the payload. */
export function sealEntry(payload: Uint8Array): Buffer {
  const hash = createHash('sha256').update(payload).digest('hex');
  return Buffer.concat([Buffer.from(`${MAGIC} ${payload.byteLength} ${hash}\n`), payload]);
}

/** The payload of a cache entry, or undefined when it is truncated, corrupt or of another format. */
export function unsealEntry(entry: Buffer): Buffer | undefined {
  const end = entry.indexOf(0x0a);
  if (end === -1 || end > 200) return undefined;
  const [magic, length, hash] = entry.subarray(0, end).toString('latin1').split(' ');
  const payload = entry.subarray(end + 1);
  if (magic !== MAGIC || Number(length) !== payload.byteLength) return undefined;
  return createHash('sha256').update(payload).digest('hex') === hash ? payload : undefined;
}

/** The verified payload of the cache entry at `file`, or undefined on a miss (missing, unreadable, truncated, corrupt). */
export function readEntry(file: string): Buffer | undefined {
  try {
    return unsealEntry(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache entry whole or not at all: to a temporary file beside it,
 * then renamed over it, so a process killed mid-write leaves either the old
 * entry or none (and a stray `.tmp` file), never half of one. A cache that
 * cannot be written only costs speed.
 */
export function writeEntry(file: string, payload: Uint8Array): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, sealEntry(payload));
    renameSync(temporary, file);
  } catch {
    // Read-only or full disk: carry on uncached.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing to clean.
    }
  }
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

let artifactVersion: string | undefined;

/** Where an artifact made from `input` is cached: a hash of the input, the site's source code and packages. */
function artifactPath(kind: string, input: unknown, root: string): string {
  artifactVersion ??= pipelineVersion('artifacts');
  const key = createHash('sha256').update(artifactVersion).update(kind).update(JSON.stringify(input)).digest('hex');
  return join(root, 'node_modules/.cache/newsletter/artifacts', `${kind}-${key}`);
}

async function cached<T extends string | Uint8Array>(file: string, make: () => Promise<T>): Promise<T | Buffer> {
  const hit = readEntry(file);
  if (hit) return hit;
  const made = await make();
  writeEntry(file, typeof made === 'string' ? Buffer.from(made) : made);
  return made;
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
