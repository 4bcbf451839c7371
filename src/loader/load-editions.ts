import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sortProblems, type Problem } from '../lib/errors.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { CompileResult, CompileSettings } from './compile-edition.ts';
import { compileMany } from './compile-pool.ts';
import { RenderCache } from './render-cache.ts';

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
  /** Most worker threads to compile with. Default: one per core. */
  threads?: number;
}

/** Every edition of a folder, and every problem of every file. */
export interface LoadResult {
  /** Valid editions, drafts and future-dated ones included, newest number first. */
  editions: Edition[];
  /** All problems of all files, sorted by file and line. */
  problems: Problem[];
  /** How many edition files were read. */
  files: number;
}

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * The edition files of a folder, as paths relative to it: Markdown files
 * whose names do not start with `_` or `.`, in sub-folders too (an author
 * may file editions by year), skipping sub-folders named `_…` or `.…`.
 */
export function listEditionFiles(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true })
    .filter((entry) => !/^[_.]/.test(entry.name))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listEditionFiles(folder, path);
      return entry.isFile() && MARKDOWN.test(entry.name) ? [path] : [];
    })
    .sort();
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
      problems.push({
        file: e.file,
        line: r.numberLine,
        field: 'edition',
        message: `${e.number} is already used by ${first.edition!.file}`,
        severity: 'error',
      });
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
      problems.push({
        file: e.file,
        line: r.dateLine,
        field: 'date',
        message: `${e.date} is earlier than edition ${prev.number}'s date ${prev.date} (${prev.file}); expected dates to grow with edition numbers`,
        severity: 'error',
      });
    }
    if (e.number > prev.number + 1) {
      const missing =
        e.number === prev.number + 2
          ? `edition ${prev.number + 1} is`
          : `editions ${prev.number + 1}–${e.number - 1} are`;
      problems.push({
        file: e.file,
        line: r.numberLine,
        field: 'edition',
        message: `numbers jump from ${prev.number} to ${e.number}; ${missing} missing (fine if withdrawn)`,
        severity: 'warning',
      });
    }
  });
  return problems;
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
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    const message = 'no such folder; expected the folder of edition files (content/editions)';
    return { editions: [], files: 0, problems: [{ file: dir, field: 'editions', message, severity: 'error' }] };
  }
  const cache = options.cache === false ? undefined : new RenderCache(options.root, options.settings);
  const files = listEditionFiles(folder).map((name) => {
    const file = relative(options.root, join(folder, name)).split('\\').join('/');
    const bytes = readFileSync(join(folder, name));
    const key = cache?.key(file, bytes);
    return { file, bytes, key, hit: key ? cache?.get(key) : undefined };
  });
  const misses = files.filter((f) => !f.hit);
  const compiled = await compileMany(misses, options.settings, options.threads ? { threads: options.threads } : {});
  misses.forEach((f, i) => {
    f.hit = compiled[i];
    if (f.key && f.hit) cache?.set(f.key, f.hit);
  });
  const results = files.map((f) => f.hit!);
  const problems = sortProblems([...results.flatMap((r) => r.problems), ...checkAcrossFiles(results)]);
  const taken = new Set<number>();
  const editions = results
    .flatMap((r) => (r.edition ? [r.edition] : []))
    .sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
    .filter((e) => !taken.has(e.number) && taken.add(e.number))
    .reverse();
  return { editions, problems, files: results.length };
}
