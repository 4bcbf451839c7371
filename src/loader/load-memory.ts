/**
 * What one `npm run dev` session remembers between its loads of the
 * editions folder. The dev server loads the whole folder again after every
 * save; reading, hashing and parsing 1,000 cached entries again was most of
 * the time before an edit showed (figures in `bench/RESULTS.md`). With a
 * memory, a file whose identity has not changed since it was last read
 * (device, inode, size, change and modification times in nanoseconds: any
 * write changes the change time, a file replaced by a rename is another
 * inode, which is what git's own index relies on) gets its last result
 * without being read. Only the dev loader keeps one: a build, the checker
 * and a test load once and read every file.
 */
import { statSync } from 'node:fs';
import type { CompileResult } from './compile-edition.ts';

/** A regular file's identity, or undefined (not there, not a file, not readable). */
function identityOf(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return stat.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.ctimeNs}:${stat.mtimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

type Remembered = { identity: string; settings: string; result: CompileResult };

/** The latest result of each file, with the file's identity when it was read. */
export class LoadMemory {
  readonly #files = new Map<string, Remembered>();

  /** The file's identity now (taken before it is read), and its last result when that identity is unchanged. */
  look(path: string, settings: string): { identity: string | undefined; known?: Remembered } {
    const identity = identityOf(path);
    const last = identity === undefined ? undefined : this.#files.get(path);
    const same = last !== undefined && last.identity === identity && last.settings === settings;
    return same ? { identity, known: last } : { identity };
  }

  /** Notes a file's result, read when the file had `identity`. */
  note(path: string, identity: string | undefined, settings: string, result: CompileResult): void {
    if (identity === undefined) this.#files.delete(path);
    else this.#files.set(path, { identity, settings, result });
  }

  /** Forgets every file but `paths` (those the folder holds now). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.#files.keys()) if (!paths.has(path)) this.#files.delete(path);
  }
}
