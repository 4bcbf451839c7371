import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { groupByFile, problem, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import type { Edition } from '../schemas/edition-model.ts';
import type { CompileResult, CompileSettings } from './compile-edition.ts';
import { compileMany } from './compile-processes.ts';
import { CompileCache } from './compile-cache.ts';
import type { LoadMemory } from './load-memory.ts';
import { claimedTwice, isOwnPath, ownPage, redirectFile } from '../rules/old-paths.ts';
import { createPaths } from '../site/urls.ts';
import { collectGarbageEvery } from '../processes/collect-garbage.ts';
import type { FileTopicUse } from './topic-uses.ts';
import { readEditionFile, scanEditionFiles } from './scan-editions.ts';

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
  /** `dev`: what the session's earlier loads read, so that unchanged files are not read again (`load-memory.ts`). */
  memory?: LoadMemory;
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
  /** Every topic slug the files name, failed editions' included. */
  topicUses?: FileTopicUse[];
  /** True when some failed file's front matter could not be read, so which topics it names is unknown. */
  topicsUnknown?: boolean;
}

export { listEditionFiles, scanEditionFiles, type EditionFiles } from './scan-editions.ts';

/**
 * Rules across files: numbers unique, dates growing with numbers, gaps
 * reported, each old address in one edition. An edition that failed takes no part, except that the number it
 * claims is not missing; when a failed file's number cannot be read at all,
 * no gap is reported (it may be that file's).
 */
function checkAcrossFiles(results: CompileResult[]): Problem[] {
  const problems: Problem[] = [];
  const failed = results.filter((r) => !r.edition);
  const claimed = new Set(failed.map((r) => r.claimedNumber));
  const gapsKnown = !claimed.has(undefined);
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
  const oldAddresses = new Map<string, Edition>();
  const site = createPaths('/');
  for (const r of unique)
    for (const path of r.edition!.redirectFrom) {
      if (isOwnPath(path, site)) {
        problems.push(problem(r.edition!.file, undefined, 'redirect_from', ownPage(path)));
        continue;
      }
      const first = oldAddresses.get(redirectFile(path));
      if (!first) oldAddresses.set(redirectFile(path), r.edition!);
      else if (first !== r.edition)
        problems.push(problem(r.edition!.file, undefined, 'redirect_from', claimedTwice(path, first)));
    }
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
          `edition ${e.number}'s date ${e.date} is earlier than edition ${prev.number}'s date ${prev.date} (${prev.file}); expected dates to grow with edition numbers`,
        ),
      );
    }
    const absent = Array.from({ length: Math.max(0, e.number - prev.number - 1) }, (_, k) => prev.number + 1 + k);
    const gone = absent.filter((n) => !claimed.has(n));
    if (gapsKnown && gone.length > 0) {
      const missing =
        gone.length === 1
          ? `edition ${gone[0]} is`
          : gone.length === absent.length
            ? `editions ${prev.number + 1}–${e.number - 1} are`
            : `editions ${gone.join(', ')} are`;
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

/** An `edition: <number>` line, as nearly every front matter writes it. */
const EDITION_LINE = /^edition:[ \t]*(\d{1,15})[ \t]*(?:#.*)?\r?$/m;

/**
 * The edition number a file's first lines give, to choose what `dev`
 * compiles first; -Infinity when there is no plain `edition:` line. A hint,
 * not the number (YAML is not parsed: parsing 1,000 front matters took
 * 0.4-0.7 s of every save made while the first compile ran): every file is
 * compiled, only later.
 */
function numberHint(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('utf8');
  // The front matter only: from the first line to the closing `---`.
  const end = head.indexOf('\n---', 3);
  const match = EDITION_LINE.exec(end > 0 ? head.slice(0, end) : head);
  return match ? Number(match[1]) : -Infinity;
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
  const folder = resolve(options.root, dir);
  const notAFolder = folderProblem(folder);
  if (notAFolder) {
    const message = `${notAFolder}; expected the folder of edition files (content/editions)`;
    return { editions: [], files: 0, problems: [problem(dir, undefined, 'editions', message)] };
  }
  const cache = options.cache === false ? undefined : new CompileCache(options.root, options.settings);
  const memory = options.memory;
  const settings = JSON.stringify(options.settings);
  const scan = scanEditionFiles(folder, options.root);
  const collect = collectGarbageEvery(100);
  const files = scan.files.map((name) => {
    collect();
    const file = relative(options.root, join(folder, name)).split(sep).join('/');
    const path = join(folder, name);
    // Unchanged since this `dev` session last read it: its result, without reading it again.
    const seen = memory?.look(path, settings);
    if (seen?.known)
      return { file, path, identity: seen.identity, bytes: new Uint8Array(), key: undefined, hit: seen.known.result };
    const read = readEditionFile(path, undefined, file);
    if ('problem' in read) {
      const hit: CompileResult = { edition: null, problems: [read.problem] };
      return { file, path, identity: undefined, bytes: new Uint8Array(), key: undefined, hit };
    }
    const { bytes } = read;
    const key = cache?.key(file, bytes);
    const hit = key ? cache?.get(key) : undefined;
    // A file found in the cache needs its bytes no more.
    return { file, path, identity: seen?.identity, bytes: hit ? new Uint8Array() : bytes, key, hit };
  });
  memory?.keepOnly(new Set(files.map((f) => f.path)));
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
    for (const f of chosen) if (f.hit) memory?.note(f.path, f.identity, settings, f.hit);
    const results = chosen.map((f) => f.hit!);
    // Each file's own problems (in cause order) before the rules across files.
    const problems = groupByFile([
      ...scan.problems,
      ...results.flatMap((r) => r.problems),
      ...(acrossFiles ? checkAcrossFiles(results) : []),
    ]);
    const topicUses = chosen.flatMap((f, i) => (results[i]!.topicUses ?? []).map((use) => ({ ...use, file: f.file })));
    const topicsUnknown = results.some((r) => !r.edition && !r.topicUses);
    const taken = new Set<number>();
    const editions = results
      .flatMap((r) => (r.edition ? [r.edition] : []))
      .sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
      .filter((e) => !taken.has(e.number) && taken.add(e.number))
      .reverse();
    return { editions, problems, files: results.length, topicUses, topicsUnknown };
  };
  const misses = files.filter((f) => !f.hit);
  const soon = options.soon;
  if (soon === undefined || misses.length <= soon.count) return finish(files, true);
  // Those asked for, then the newest by the number in their front matter; the rules across files wait.
  const rank = new Map(misses.map((f) => [f, soon.prefer?.has(f.file) ? Infinity : numberHint(f.bytes)]));
  const now = new Set(misses.sort((a, b) => rank.get(b)! - rank.get(a)!).slice(0, soon.count));
  const first = await finish(
    files.filter((f) => f.hit || now.has(f)),
    false,
  );
  return { ...first, partial: true, ...(soon.rest ? { rest: finish(files, true, true) } : {}) };
}
