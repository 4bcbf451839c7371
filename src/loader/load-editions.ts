import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { problem, sortProblems, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { CompileResult, CompileSettings } from './compile-edition.ts';
import { compileMany } from './compile-processes.ts';
import { CompileCache } from './compile-cache.ts';
import { frontMatterNumber } from './file-problems.ts';
import { collectGarbageEvery } from '../processes/collect-garbage.ts';

/** Where editions live, relative to the project root. */
export const EDITIONS_DIR = 'content/editions';

/** Options for loading every edition. */
export interface LoadOptions {
  /** Project root; file paths in problems are relative to it. */
  root: string;
  /** Editions folder, relative to `root`. Default `content/editions`. */
  dir?: string;
  /** The settings compiling depends on. */
  settings: CompileSettings;
  /** Keep results in `node_modules/.cache`. Default true. */
  cache?: boolean;
  /** Most child processes to compile in. Default: one per core. */
  processes?: number;
  /**
   * `dev` before the whole folder is compiled: when more than `count` files
   * need compiling, compile only `count` now (those in `prefer` first, then
   * those with the highest `edition:` numbers, which the first pages an
   * author opens show); with `rest`, the whole folder in `rest`.
   */
  soon?: { count: number; rest: boolean; prefer?: ReadonlySet<string> };
}

/** Every edition of a folder, and every problem of every file. */
export interface LoadResult {
  /** Valid editions, drafts and future-dated ones included, newest number first. */
  editions: Edition[];
  /** All problems of all files, sorted by file and line. */
  problems: Problem[];
  /** How many edition files were read. */
  files: number;
  /** True when this result holds only the editions compiled first (`soon`), without the rules across files. */
  partial?: boolean;
  /** The whole folder, with the rules across files, once the rest is compiled (`soon.rest`). */
  rest?: Promise<LoadResult>;
}

const MARKDOWN = /\.(md|markdown)$/i;

/** The edition files found in a folder, and the problems met looking (unreadable folders, skipped links). */
export interface EditionFiles {
  /** Paths relative to the folder, sorted. */
  files: string[];
  problems: Problem[];
}

/**
 * The edition files of a folder, as paths relative to it: Markdown files
 * whose names do not start with `_` or `.`, in sub-folders too (an author
 * may file editions by year), skipping sub-folders named `_…` or `.…`.
 *
 * A symbolic link to a file or folder inside the project (`root`) is
 * followed as if the file were there; one that points outside the project,
 * to nothing, or back into a folder being listed is skipped with a
 * `symlink` warning. A folder that cannot be read is an error.
 */
export function scanEditionFiles(folder: string, root: string): EditionFiles {
  const out: EditionFiles = { files: [], problems: [] };
  const realRoot = safeRealpath(root) ?? root;
  const shown = (path: string) => relative(root, join(folder, path)).split(sep).join('/') || '.';
  const warn = (path: string, message: string) =>
    out.problems.push(problem(shown(path), undefined, 'symlink', message, 'warning'));
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
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = safeRealpath(join(folder, path));
        if (!target) {
          warn(path, 'points to nothing (or to itself); skipped');
          continue;
        }
        let kind;
        try {
          kind = statSync(target);
        } catch (error) {
          warn(path, `cannot be followed (${fsReason(error)}); skipped`);
          continue;
        }
        [isDirectory, isFile] = [kind.isDirectory(), kind.isFile()];
        if (!isDirectory && !(isFile && MARKDOWN.test(entry.name))) continue;
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          warn(path, `points outside the project (to ${target}); skipped, expected a file or folder inside it`);
          continue;
        }
        if (isDirectory && ancestors.has(target)) {
          warn(path, 'points back to a folder that contains it; skipped');
          continue;
        }
      }
      if (isDirectory) {
        const real = safeRealpath(join(folder, path));
        visit(path, real ? new Set([...ancestors, real]) : ancestors);
      } else if (isFile && MARKDOWN.test(entry.name)) out.files.push(path);
    }
  };
  const top = safeRealpath(folder);
  visit('', new Set(top ? [top] : []));
  out.files.sort();
  return out;
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** `scanEditionFiles` without the problems: the edition files of a folder, relative to it. */
export function listEditionFiles(folder: string, root = process.cwd()): string[] {
  return scanEditionFiles(folder, root).files;
}

/** Rules across files: numbers unique, dates growing with numbers, gaps reported. */
function checkAcrossFiles(results: CompileResult[]): Problem[] {
  const problems: Problem[] = [];
  const ok = results.filter((r) => r.edition).sort((a, b) => a.edition!.number - b.edition!.number);
  const byNumber = new Map<number, CompileResult>();
  for (const r of ok) {
    const e = r.edition!;
    const first = byNumber.get(e.number);
    if (first) {
      problems.push(problem(e.file, r.numberLine, 'edition', `${e.number} is already used by ${first.edition!.file}`));
      continue;
    }
    byNumber.set(e.number, r);
  }
  const unique = [...byNumber.values()];
  unique.forEach((r, i) => {
    const prev = unique[i - 1]?.edition;
    const e = r.edition!;
    if (!prev) return;
    if (Date.parse(e.date) < Date.parse(prev.date)) {
      problems.push(
        problem(
          e.file,
          r.dateLine,
          'date',
          `${e.date} is earlier than edition ${prev.number}'s date ${prev.date} (${prev.file}); expected dates to grow with edition numbers`,
        ),
      );
    }
    if (e.number > prev.number + 1) {
      const missing =
        e.number === prev.number + 2
          ? `edition ${prev.number + 1} is`
          : `editions ${prev.number + 1}–${e.number - 1} are`;
      problems.push(
        problem(
          e.file,
          r.numberLine,
          'edition',
          `numbers jump from ${prev.number} to ${e.number}; ${missing} missing (fine if withdrawn)`,
          'warning',
        ),
      );
    }
  });
  return problems;
}

/** Why `folder` is not a readable folder, or null when it is. */
function folderProblem(folder: string): string | null {
  try {
    return statSync(folder).isDirectory() ? null : 'not a folder but a file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : `cannot be read (${fsReason(error)})`;
  }
}

/**
 * Loads every edition of a folder: compiles each file (from the render
 * cache when its bytes, the settings and the pipeline are unchanged), then
 * applies the rules across files. Never throws for a content mistake: the
 * caller decides what problems mean (a build stops, `dev` keeps serving).
 */
export async function loadEditions(options: LoadOptions): Promise<LoadResult> {
  const dir = options.dir ?? EDITIONS_DIR;
  const folder = join(options.root, dir);
  const notAFolder = folderProblem(folder);
  if (notAFolder) {
    const message = `${notAFolder}; expected the folder of edition files (content/editions)`;
    return { editions: [], files: 0, problems: [problem(dir, undefined, 'editions', message)] };
  }
  const cache = options.cache === false ? undefined : new CompileCache(options.root, options.settings);
  const scan = scanEditionFiles(folder, options.root);
  const collect = collectGarbageEvery(100);
  const files = scan.files.map((name) => {
    collect();
    const file = relative(options.root, join(folder, name)).split('\\').join('/');
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(folder, name));
    } catch (error) {
      const message = `cannot be read (${fsReason(error)}); expected a readable edition file`;
      const hit: CompileResult = { edition: null, problems: [problem(file, undefined, 'file', message)] };
      return { file, bytes: new Uint8Array(), key: undefined, hit };
    }
    const key = cache?.key(file, bytes);
    const hit = key ? cache?.get(key) : undefined;
    // A file found in the cache needs its bytes no more.
    return { file, bytes: hit ? new Uint8Array() : bytes, key, hit };
  });
  const finish = async (chosen: typeof files, acrossFiles: boolean, background = false): Promise<LoadResult> => {
    const misses = chosen.filter((f) => !f.hit);
    const compiled = await compileMany(misses, options.settings, {
      ...(options.processes ? { processes: options.processes } : {}),
      background,
    });
    misses.forEach((f, i) => {
      collect();
      f.hit = compiled[i];
      f.bytes = new Uint8Array();
      if (f.key && f.hit) cache?.set(f.key, f.hit);
    });
    const results = chosen.map((f) => f.hit!);
    const problems = sortProblems([
      ...scan.problems,
      ...results.flatMap((r) => r.problems),
      ...(acrossFiles ? checkAcrossFiles(results) : []),
    ]);
    const taken = new Set<number>();
    const editions = results
      .flatMap((r) => (r.edition ? [r.edition] : []))
      .sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
      .filter((e) => !taken.has(e.number) && taken.add(e.number))
      .reverse();
    return { editions, problems, files: results.length };
  };
  const misses = files.filter((f) => !f.hit);
  const soon = options.soon;
  if (soon === undefined || misses.length <= soon.count) return finish(files, true);
  // Those asked for, then the newest by the number in their front matter; the rules across files wait.
  const rank = (f: (typeof files)[number]) =>
    soon.prefer?.has(f.file) ? Infinity : (frontMatterNumber(f.file, f.bytes) ?? -Infinity);
  const now = new Set(misses.sort((a, b) => rank(b) - rank(a)).slice(0, soon.count));
  const first = await finish(
    files.filter((f) => f.hit || now.has(f)),
    false,
  );
  return { ...first, partial: true, ...(soon.rest ? { rest: finish(files, true, true) } : {}) };
}
