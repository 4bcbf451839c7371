/**
 * The one way into the editions folder: which files are editions, and their
 * bytes. The loader and the build's fingerprint both read the folder through
 * it, so nothing the loader would skip can hang or exhaust the build before
 * the loader runs: symbolic links are followed only inside the project and
 * never round a loop, named pipes, sockets and devices are never opened, a
 * file is read no further than the size limit, and a file that cannot be
 * read is a problem line of its own.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { problem, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import { MAX_FILE_BYTES, megabytes } from '../rules/limits.ts';

const MARKDOWN = /\.(md|markdown)$/i;

/** The edition files found in a folder, and the problems met looking (unreadable folders, skipped entries). */
export interface EditionFiles {
  /** Paths relative to the folder, sorted. */
  files: string[];
  problems: Problem[];
}

/** What an entry is, when it is neither a file nor a folder: never opened, since reading it could block or never end. */
function specialKind(kind: Dirent | Stats): string | null {
  if (kind.isFIFO()) return 'a named pipe (FIFO)';
  if (kind.isSocket()) return 'a socket';
  if (kind.isCharacterDevice() || kind.isBlockDevice()) return 'a device';
  return null;
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The edition files of a folder, as paths relative to it: Markdown files
 * whose names do not start with `_` or `.`, in sub-folders too (an author
 * may file editions by year), skipping sub-folders named `_…` or `.…`.
 *
 * A symbolic link to a file or folder inside the project (`root`) is
 * followed as if the file were there; one that points outside the project,
 * to nothing (or round a loop), or back into a folder being listed is
 * skipped with a `symlink` warning. A named pipe, socket or device with an
 * edition's name is skipped with a `file` warning. A folder that cannot be
 * read is an error.
 */
export function scanEditionFiles(folder: string, root: string): EditionFiles {
  const out: EditionFiles = { files: [], problems: [] };
  const realRoot = safeRealpath(root) ?? root;
  const shown = (path: string) => relative(root, join(folder, path)).split(sep).join('/') || '.';
  const warn = (path: string, field: string, message: string) =>
    out.problems.push(problem(shown(path), undefined, field, message, 'warning'));
  const visit = (prefix: string, ancestors: ReadonlySet<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(folder, prefix), { withFileTypes: true });
    } catch (error) {
      const message = `cannot be read (${fsReason(error)}); expected a readable folder of edition files`;
      out.problems.push(problem(shown(prefix), undefined, 'editions', message));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (/^[_.]/.test(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      let kind: Dirent | Stats = entry;
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(join(folder, path));
        if (!target) {
          warn(path, 'symlink', 'points to nothing (or to itself); skipped');
          continue;
        }
        try {
          kind = statSync(target);
        } catch (error) {
          warn(path, 'symlink', `cannot be followed (${fsReason(error)}); skipped`);
          continue;
        }
        if (!kind.isDirectory() && !MARKDOWN.test(entry.name)) continue;
        if (target !== realRoot && !target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
          warn(
            path,
            'symlink',
            `points outside the project (to ${target}); skipped, expected a file or folder inside it`,
          );
          continue;
        }
        // A link to a folder being listed, or to one holding it, would list it again and again.
        if (
          kind.isDirectory() &&
          [...ancestors].some((folder) => folder === target || folder.startsWith(target + sep))
        ) {
          warn(path, 'symlink', 'points back to a folder that contains it; skipped');
          continue;
        }
      }
      if (kind.isDirectory()) {
        const real = safeRealpath(join(folder, path));
        visit(path, real ? new Set([...ancestors, real]) : ancestors);
      } else if (MARKDOWN.test(entry.name)) {
        const special = specialKind(kind);
        if (special) warn(path, 'file', `${special}, not a file; skipped`);
        else if (kind.isFile()) out.files.push(path);
      }
    }
  };
  const top = safeRealpath(folder);
  visit('', new Set(top ? [top] : []));
  out.files.sort();
  return out;
}

/** `scanEditionFiles` without the problems: the edition files of a folder, relative to it. */
export function listEditionFiles(folder: string, root = process.cwd()): string[] {
  return scanEditionFiles(folder, root).files;
}

/** The message of a file over the size limit. */
export function tooLarge(bytes: number, limit = MAX_FILE_BYTES): string {
  return `${megabytes(bytes)}; expected at most ${megabytes(limit)} (split it into two editions)`;
}

/** What reading one input file found: its bytes, or why there are none. */
export type InputBytes = { bytes: Buffer } | { special: string } | { size: number } | { error: unknown };

/**
 * Reads one input file: opened without waiting (a named pipe put in its
 * place would otherwise block), read only if it is a regular file, and never
 * past `limit` (so a file that grows, or claims to be empty, cannot exhaust
 * memory): `size` when it is larger.
 */
export function readInputFile(path: string, limit = MAX_FILE_BYTES): InputBytes {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { error };
  }
  try {
    const kind = fstatSync(fd);
    if (kind.isDirectory()) return { error: Object.assign(new Error('EISDIR: it is a folder'), { code: 'EISDIR' }) };
    if (!kind.isFile()) return { special: specialKind(kind) ?? 'not a file' };
    if (kind.size > limit) return { size: kind.size };
    // Read to the end (a size of 0 may not mean empty), but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (let size = Math.min(kind.size, limit) + 1; length <= limit; size = 64 * 1024) {
      const chunk = Buffer.allocUnsafe(Math.min(size, limit + 1 - length));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    if (length > limit) return { size: Math.max(kind.size, length) };
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
  } catch (error) {
    return { error };
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one edition file, or the problem that kept them from being read. */
export type EditionBytes = { bytes: Buffer } | { problem: Problem };

/**
 * One edition file the scan found, read by `readInputFile`; what kept it from
 * being read is its problem, on `shown` (the file as problem lines name it).
 */
export function readEditionFile(path: string, limit = MAX_FILE_BYTES, shown = path): EditionBytes {
  const read = readInputFile(path, limit);
  if ('bytes' in read) return read;
  if ('special' in read)
    return { problem: problem(shown, undefined, 'file', `${read.special}, not a file; skipped`, 'warning') };
  if ('size' in read) return { problem: problem(shown, undefined, 'file', tooLarge(read.size, limit)) };
  const message = `cannot be read (${fsReason(read.error)}); expected a readable edition file`;
  return { problem: problem(shown, undefined, 'file', message) };
}
