/**
 * What keeps `npm run build` from doing damage: one build at a time per
 * checkout (a lock file holding the builder's PID), an output folder that can
 * never be the project or a folder of its own sources, and a swap of the new
 * site into place that either completes or leaves the previous one as it was.
 * Every failure is a line for a person, never a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** A failure the build reports as its lines and exit 1. */
export class BuildStop extends Error {
  override name = 'BuildStop';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** Folders of the project a build may never write into, delete or replace. */
export const PROTECTED = ['content', 'src', 'public', 'node_modules', 'scripts', '.git'];

/** A path with symbolic links resolved as far as it exists (the rest need not exist yet). */
export function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), absolute.slice(parent.length));
  }
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Why `out` may not be the output folder, or null when it may: the build
 * deletes and replaces it, so it can never be, contain or lie inside the
 * project root's own folders (`content/`, `src/`, `public/`, `node_modules/`,
 * `scripts/`, `.git/`), the editions folder, or be (or contain) the root.
 */
export function outDirProblem(out: string, root: string, editionsDir?: string): string | null {
  const target = realPath(out);
  const project = realPath(root);
  const shown = JSON.stringify(out);
  const refuse = (why: string) =>
    `OUT_DIR: expected a folder of its own for the built site, such as dist, got ${shown} (${why}); nothing was built or deleted`;
  if (inside(project, target)) return refuse(target === project ? 'the project root' : 'it contains the project');
  for (const name of PROTECTED) {
    const folder = realPath(join(project, name));
    if (inside(target, folder) || inside(folder, target)) return refuse(`the project's ${name}/ folder`);
  }
  if (editionsDir) {
    const editions = realPath(resolve(project, editionsDir));
    if (inside(target, editions) || inside(editions, target)) return refuse('the editions folder');
  }
  return null;
}

/** True when a process with this PID is running. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Errors that say the cache folder cannot be written at all (not that another build holds the lock). */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR']);

/**
 * Takes the checkout's build lock: creates `lock` (exclusively) holding this
 * process's PID. A lock left by a process that is no longer running is taken
 * over. Returns a function that releases it (only while it is still ours).
 * Throws `BuildStop` when another running build holds it. A cache folder that
 * cannot be written (read-only, full) only costs speed, as every cache: the
 * build goes on without the lock, after `warn`ing once.
 */
export function acquireLock(
  lock: string,
  pid = process.pid,
  alive = processAlive,
  warn: (line: string) => void = console.error,
): () => void {
  const unlocked = (error: unknown) => {
    warn(
      `build: warning: the cache folder ${dirname(lock)} cannot be written (${describeError(error)}); building without the cache and without the lock that keeps two builds of this checkout apart`,
    );
    return () => {};
  };
  try {
    mkdirSync(dirname(lock), { recursive: true });
  } catch (error) {
    if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) return unlocked(error);
    throw error;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(lock, String(pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lock, 'utf8') === String(pid)) rmSync(lock, { force: true });
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (UNWRITABLE.has(code)) {
        // A full disk may have made the file with no room for the PID: an empty lock is not left behind.
        if (code === 'ENOSPC' || code === 'EDQUOT')
          try {
            rmSync(lock, { force: true });
          } catch {
            // Not even that: the next build takes over an empty lock as stale.
          }
        return unlocked(error);
      }
      if (code !== 'EEXIST') throw error;
    }
    let held = '';
    try {
      held = readFileSync(lock, 'utf8').trim();
    } catch {
      continue; // released meanwhile: try again
    }
    const holder = Number(held);
    if (/^\d+$/.test(held) && holder !== pid && alive(holder)) {
      throw new BuildStop(
        `build: another build (pid ${holder}) is running in this checkout; wait for it or remove ${lock} if it is not`,
      );
    }
    // Stale (its process is gone, or it was never finished being written): take it over,
    // unless another build took it over in the meantime.
    try {
      if (readFileSync(lock, 'utf8').trim() === held) rmSync(lock, { force: true });
    } catch (error) {
      // A stale lock in a read-only cache cannot be taken over: that is the cache, not another build.
      if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) return unlocked(error);
    }
  }
  throw new BuildStop(`build: could not take the build lock ${lock}; remove it if no build is running`);
}

/** What a file-system error says, without the stack: `EACCES: permission denied`. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const text = (e?.message ?? String(error)).replace(/,\s*\w+\s+'[^']*'(?:\s*->\s*'[^']*')?$/, '');
  return text;
}

/** The file-system calls the swap makes, replaceable in tests. */
export interface SwapFs {
  rename: (from: string, to: string) => void;
  remove: (path: string) => void;
  exists: (path: string) => boolean;
}

const realFs: SwapFs = {
  rename: renameSync,
  remove: (path) => rmSync(path, { recursive: true, force: true }),
  exists: existsSync,
};

/**
 * Moves the freshly built `next` into `out`, keeping `out` as it was on any
 * failure: the old site is moved aside to `<out>.previous` first and moved
 * back if the new one cannot take its place. Returns warnings (a leftover
 * `.previous` that could not be removed); throws `BuildStop` on failure.
 */
export function swapIn(next: string, out: string, fs: SwapFs = realFs): string[] {
  const previous = `${out}.previous`;
  const kept = `${out} was left as it was`;
  const step = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      throw new BuildStop(`build: cannot ${what} (${describeError(error)}); ${kept}`);
    }
  };
  const discardNext = () => {
    try {
      fs.remove(next);
    } catch {
      // Best effort: the next build removes it first.
    }
  };
  try {
    step(`remove ${previous}`, () => fs.remove(previous));
    const hadOut = fs.exists(out);
    if (hadOut) step(`move ${out} aside to ${previous}`, () => fs.rename(out, previous));
    try {
      fs.rename(next, out);
    } catch (error) {
      if (hadOut) {
        try {
          fs.rename(previous, out);
        } catch (restore) {
          throw new BuildStop(
            `build: cannot replace ${out} (${describeError(error)}), nor put the previous site back (${describeError(restore)}); it is in ${previous}`,
          );
        }
      }
      throw new BuildStop(`build: cannot replace ${out} (${describeError(error)}); ${kept}`);
    }
  } catch (error) {
    discardNext();
    throw error;
  }
  try {
    fs.remove(previous);
    return [];
  } catch (error) {
    return [`build: warning: the site was written, but ${previous} could not be removed (${describeError(error)})`];
  }
}
