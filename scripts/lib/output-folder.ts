/**
 * Which folders `npm run build` may delete or replace: only its own. A build
 * writes a marker file into every site it makes; it replaces an output
 * folder (and the `.next` and `.previous` folders beside it, where it stages
 * the new site and keeps the old one during the swap) only when that folder
 * is missing, empty, carries the marker, or is this project's own `dist/`
 * (so that sites built before the marker existed keep building). Anything
 * else is a line, and nothing is touched: `OUT_DIR=docs` once deleted the
 * tracked documentation.
 *
 * A `dist` (or `OUT_DIR`) that is a symbolic link is followed: the new site is
 * staged beside the folder it points to and swapped in there, and the link stays.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BuildStop, realPath } from './build-safety.ts';

/** The marker's name: a dot file, so no page, feed, sitemap or search index ever lists it. */
export const MARKER = '.newsletter-site';
/** The marker's content: the same in every build, so two builds of one commit stay byte-identical. */
export const MARKER_TEXT =
  'This folder is a site written by `npm run build`; the next build deletes and replaces it.\n';

/** Writes the marker into a folder the build made. */
export function markOwned(folder: string): void {
  writeFileSync(join(folder, MARKER), MARKER_TEXT);
}

/** The folders one build works with. */
export interface OutputFolders {
  /** What the messages call it: `OUT_DIR`, or `dist` for the default. */
  label: string;
  /** Where the site goes, symbolic links followed. */
  out: string;
  /** Where the new site is built before it is swapped in, beside `out`. */
  next: string;
  /** Where the old site waits during the swap, beside `out`. */
  previous: string;
}

/** Where `given` leads; a link to nothing is a line. */
function followLinks(given: string, label: string): string {
  let link;
  try {
    link = lstatSync(given);
  } catch {
    return realPath(given);
  }
  if (!link.isSymbolicLink()) return realPath(given);
  try {
    statSync(given);
  } catch {
    const to = resolve(dirname(given), readlinkSync(given));
    throw new BuildStop(
      `${label}: ${given} is a symbolic link to ${to}, which does not exist (or leads back to itself); make that folder or remove the link; nothing was built`,
    );
  }
  return realPath(given);
}

/** Why the build may not delete `folder`, or null when it may (missing, empty, marked, or one of `defaults`). */
function notOurs(folder: string, defaults: readonly string[]): string | null {
  let kind;
  try {
    kind = lstatSync(folder);
  } catch {
    return null;
  }
  if (!kind.isDirectory()) return kind.isSymbolicLink() ? 'a symbolic link' : 'a file';
  if (defaults.includes(folder)) return null;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    // Unreadable: the build cannot know what it holds, so it is not its to delete.
    return 'a folder that cannot be read';
  }
  if (names.length === 0) return null;
  try {
    if (readFileSync(join(folder, MARKER), 'utf8') === MARKER_TEXT) return null;
  } catch {
    // No marker.
  }
  return `a folder with files in it and no ${MARKER}`;
}

const ROLES = {
  out: '',
  next: ' (where the new site is staged)',
  previous: ' (where the site being replaced waits during the swap)',
} as const;

/**
 * The folders a build into `setting` (`OUT_DIR`, undefined for the default
 * `dist`) works with, resolved from `cwd`; throws `BuildStop` naming the first
 * of them that the build did not write.
 */
export function outputFolders(setting: string | undefined, cwd: string, root: string): OutputFolders {
  const label = setting === undefined ? 'dist' : 'OUT_DIR';
  const out = followLinks(resolve(cwd, setting ?? 'dist'), label);
  const folders = { label, out, next: `${out}.next`, previous: `${out}.previous` };
  const dist = join(realPath(root), 'dist');
  const defaults = [dist, `${dist}.next`, `${dist}.previous`];
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new BuildStop(`${label}: ${out} is a file; expected a folder for the built site; nothing was built`);
  for (const role of ['out', 'next', 'previous'] as const) {
    const why = notOurs(folders[role], defaults);
    if (why)
      throw new BuildStop(
        `${label}: ${folders[role]}${ROLES[role]} is ${why}, so a build did not write it; expected an empty folder or one a build wrote; nothing was built or deleted`,
      );
  }
  return folders;
}
