/**
 * Reading an archive folder: the text files a format reader looks at, found
 * the same way for Pelican, Jekyll, Hugo, Eleventy and plain Markdown, and
 * decoded the way the site reads editions (UTF-8, BOM and CRLF accepted).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { problem, type Problem } from './project.ts';

/** Folders no archive keeps its posts in: tool output, dependencies, version control. */
const SKIP_DIRS = new Set(['node_modules', '_site', 'public', 'output', 'dist']);

/**
 * Every file under `folder` whose name ends with one of `extensions`, as
 * paths relative to the working folder, sorted. A symbolic link to such a
 * file inside `within` (the folder, or the site it belongs to) counts as the
 * file; one that leads outside it, or nowhere, is passed to `skip` with the
 * reason, never read.
 */
export function listFiles(
  folder: string,
  extensions: readonly string[],
  skip: (file: string, reason: string) => void = () => {},
  within = folder,
): string[] {
  const out: string[] = [];
  const shown = (path: string) => relative(process.cwd(), path).split('\\').join('/');
  const wanted = (name: string) => extensions.some((ext) => name.toLowerCase().endsWith(ext));
  let root: string;
  try {
    root = realpathSync(within);
  } catch {
    root = within;
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && wanted(entry.name)) {
        out.push(shown(path));
      } else if (entry.isSymbolicLink() && wanted(entry.name)) {
        let target: string | undefined;
        try {
          target = realpathSync(path);
        } catch {
          target = undefined;
        }
        if (target === undefined || !statSync(target).isFile()) skip(shown(path), 'a link to nothing that can be read');
        else if (target !== root && !target.startsWith(`${root}${sep}`))
          skip(shown(path), 'a link to a file outside the site being imported; copy the file in instead');
        else out.push(shown(path));
      }
    }
  };
  walk(folder);
  return out.sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text with BOM dropped and line endings normalised, or null when it is not UTF-8. */
export function readText(file: string): string | null {
  try {
    return utf8
      .decode(readFileSync(file))
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

/**
 * An export's main file (Ghost's JSON, Substack's posts.csv): its path as
 * problem lines name it, and its text, or the problem that it is missing or
 * not UTF-8.
 */
export function readExportFile(
  found: string | undefined,
  expected: string,
  missing: string,
): { file: string; path: string; text: string } | { file: string; problem: Problem } {
  const file = relative(process.cwd(), found ?? expected)
    .split('\\')
    .join('/');
  const text = found ? readText(found) : null;
  if (found && text !== null) return { file, path: found, text };
  return { file, problem: problem(file, undefined, 'file', found ? 'not UTF-8 text' : missing) };
}

/** The name a file's edition is known by: its stem, or its folder's name for a Hugo bundle's `index.md`. */
export function stemOf(file: string): string {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return stem === 'index' ? basename(join(file, '..')) : stem;
}

/** Markdown file extensions the readers take. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd'];

/** An error's message on one line, control characters and all, for a problem line. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 200);
}
