/**
 * Where Astro builds the new site before it is swapped in. Beside the output
 * folder, so the swap is a rename on one file system, except when the output
 * folder is on another file system than the project: Astro renders into the
 * project's `.astro/` first and renames its files into the output, which fails
 * across file systems (`EXDEV`). Then Astro builds into the project's cache
 * and the finished site is copied beside the output folder.
 */
import { constants, copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { BuildStop, describeError } from './build-safety.ts';
import { markOwned, type OutputFolders } from './output-folder.ts';

/** Where Astro writes (`astroOut`), and the folder beside the output that is swapped in (`next`). */
export interface Staging {
  astroOut: string;
  next: string;
}

/** The device of a path, or of the nearest folder above it that exists. */
function device(path: string): number {
  for (let at = path; ; at = dirname(at)) {
    try {
      return statSync(at).dev;
    } catch (error) {
      if (dirname(at) === at) throw error;
    }
  }
}

/** What remains true after a failure, for the end of a line. */
export function keptLine(folders: OutputFolders, exists: (path: string) => boolean): string {
  return exists(folders.out) ? `${folders.out} was left as it was` : 'nothing was written';
}

/**
 * Makes the empty folders a build writes into, each carrying the marker
 * (`output-folder.ts`); `cache` is the project's cache folder, used when the
 * output is on another file system than `cwd`.
 */
export function prepareStaging(folders: OutputFolders, cwd: string, cache: string, kept: string): Staging {
  const inCwd = folders.next.startsWith(cwd.endsWith(sep) ? cwd : cwd + sep);
  const astroOut = inCwd || device(dirname(folders.out)) === device(cwd) ? folders.next : join(cache, 'site.next');
  for (const folder of new Set([folders.next, astroOut])) {
    try {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      markOwned(folder);
    } catch (error) {
      throw new BuildStop(cannotWrite(folder, error, kept));
    }
  }
  return { astroOut, next: folders.next };
}

/** The line for a full disk while writing `folder`. */
export function noSpace(folder: string, kept: string): string {
  return `build: no space left on the disk holding ${folder} (ENOSPC); ${kept}`;
}

/** The line for a failure to write `folder`. */
export function cannotWrite(folder: string, error: unknown, kept: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return noSpace(folder, kept);
  return `build: cannot write ${folder} (${describeError(error)}); ${kept}`;
}

/** Best effort: a staging folder left behind is removed by the next build first. */
export function discardStaging(staging: Staging): void {
  for (const folder of new Set([staging.astroOut, staging.next])) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Removed by the next build.
    }
  }
}

/** Copies a built site; `copyFileSync`, since `cpSync` reports a full disk as `EIO`. */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else copyFileSync(join(from, entry.name), join(to, entry.name), constants.COPYFILE_FICLONE);
  }
}

/** After Astro: the marker again (in case it was emptied), and the site copied beside the output when built elsewhere. */
export function finishStaging(staging: Staging, kept: string): void {
  try {
    markOwned(staging.astroOut);
    if (staging.astroOut === staging.next) return;
    copyTree(staging.astroOut, staging.next);
    rmSync(staging.astroOut, { recursive: true, force: true });
  } catch (error) {
    discardStaging(staging);
    throw new BuildStop(cannotWrite(staging.next, error, kept));
  }
}
