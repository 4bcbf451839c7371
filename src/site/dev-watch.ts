/**
 * What `npm run dev` does not watch: the folders builds, tests and the
 * benchmark write (the built site, the one being built and the one set
 * aside, `dist.next/` and `dist.previous/`, the test sites and
 * benchmark outputs of this repository). Crawling tens of thousands of built
 * files cost seconds at every start (figures in `bench/RESULTS.md`). The folder holding the editions and the topics file is always
 * watched, wherever it is.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { editionsDirFrom } from './environment.ts';

/** A `server.watch.ignored` test for Vite: true for a path under an output folder but not under the editions, and for a link among the editions that loops. */
export function devWatchIgnored(
  root: string,
  env: Record<string, string | undefined> = process.env,
): (path: string) => boolean {
  const out = resolve(root, env['OUT_DIR'] || 'dist');
  const outputs = [
    out,
    `${out}.next`,
    `${out}.previous`,
    ...['tests/.output', 'bench/.out', 'bench/.peer'].map((p) => join(root, p)),
  ];
  // The editions folder and the topics file beside it, and the folders above them.
  const home = resolve(root, editionsDirFrom(env), '..');
  const under = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
  return (path) => {
    const absolute = resolve(root, path);
    if (under(absolute, home)) return loopingLink(absolute);
    if (under(home, absolute)) return false;
    return outputs.some((folder) => under(absolute, folder));
  };
}

/**
 * True for a symbolic link the watcher must not follow: one that leads
 * nowhere or round a loop (`a.md` → `b.md` → `a.md`), or to a folder that
 * holds it (`here` → `.`, `up` → `..`). Followed, two such links made the
 * watcher walk ever longer paths until `npm run dev` ran out of memory; the
 * editions loader skips them too, with a warning (`src/loader/scan-editions.ts`).
 */
export function loopingLink(path: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  try {
    const target = realpathSync(path);
    const folder = realpathSync(dirname(path));
    return folder === target || folder.startsWith(target.endsWith(sep) ? target : target + sep);
  } catch {
    return true;
  }
}
