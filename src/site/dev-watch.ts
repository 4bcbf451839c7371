/**
 * What `npm run dev` does not watch: the folders builds, tests and the
 * benchmark write (the built site, the one being built, the test sites and
 * benchmark outputs of this repository). Crawling tens of thousands of built
 * files cost seconds at every start (figures in `bench/RESULTS.md`). The folder holding the editions and the topics file is always
 * watched, wherever it is.
 */
import { join, resolve, sep } from 'node:path';
import { editionsDirFrom } from './environment.ts';

/** A `server.watch.ignored` test for Vite: true for a path under an output folder but not under the editions. */
export function devWatchIgnored(
  root: string,
  env: Record<string, string | undefined> = process.env,
): (path: string) => boolean {
  const out = resolve(root, env['OUT_DIR'] || 'dist');
  const outputs = [out, `${out}.next`, ...['tests/.output', 'bench/.out', 'bench/.peer'].map((p) => join(root, p))];
  // The editions folder and the topics file beside it, and the folders above them.
  const home = resolve(root, editionsDirFrom(env), '..');
  const under = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
  return (path) => {
    const absolute = resolve(root, path);
    if (under(home, absolute) || under(absolute, home)) return false;
    return outputs.some((folder) => under(absolute, folder));
  };
}
