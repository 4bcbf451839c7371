import { COMPILE_BUDGET_MS } from '../rules/limits.ts';
import { BUG, problem } from '../diagnostics/problem.ts';
import { errorMessage, runShare } from '../processes/child-protocol.ts';
import { inItemOrder, settle, split } from '../processes/shares.ts';
import { compileEdition, type CompileResult, type CompileSettings } from './compile-edition.ts';

/** One file to compile. */
export interface CompileJob {
  file: string;
  bytes: Uint8Array;
}

/**
 * Files up to this size may be compiled in this process: with the limits of
 * `src/rules/limits.ts`, none takes more than a fraction of the compile budget
 * (the slowest shapes' rate is in `bench/RESULTS.md`). Larger files are
 * compiled in a child process that is stopped when it runs over the budget.
 */
const IN_PROCESS_MAX_BYTES = 128 * 1024;
/**
 * A small file with more markers than this (`[`, `*`, `_`, `<`) is compiled
 * in a child process under the budget too: nested images (`![![![…](u)](u)`)
 * in 54 KB ran for minutes in this process, under every other limit. A long
 * real edition has a few hundred.
 */
const IN_PROCESS_MAX_MARKERS = 2_000;

/** True when a file must be compiled where it can be stopped: large, or crowded with markers. */
export function needsBudget(bytes: Uint8Array): boolean {
  if (bytes.length > IN_PROCESS_MAX_BYTES) return true;
  if (bytes.length < IN_PROCESS_MAX_MARKERS) return false;
  let markers = 0;
  for (const byte of bytes) if (byte === 0x5b || byte === 0x2a || byte === 0x5f || byte === 0x3c) markers++;
  return markers > IN_PROCESS_MAX_MARKERS;
}

/** How to spread work over processes; `worker` and `compile` let tests put in a failing one. */
export interface PoolOptions {
  processes?: number;
  minJobsPerProcess?: number;
  /** The child process script (default: the worker beside this file). */
  worker?: string | URL;
  /** Compiles one file in this process (default: `compileEdition`). */
  compile?: typeof compileEdition;
  /** Longest one file may take in a child process (default `COMPILE_BUDGET_MS`). */
  budgetMs?: number;
  /** Compile in a child process even when there are few files (large files, under the budget). */
  forceProcess?: boolean;
  /** Nobody waits for these yet: the child processes run at a lower priority. */
  background?: boolean;
}

/** The result of a file that could not be compiled at all: an error problem naming it, instead of a crash. */
export function notCompiled(file: string, why: string): CompileResult {
  return {
    edition: null,
    problems: [problem(file, undefined, 'file', `could not be compiled: ${why}; ${BUG}`)],
  };
}

/** Compiles one file in this process; an exception becomes that file's problem. */
function compileSafely(job: CompileJob, settings: CompileSettings, compile = compileEdition): CompileResult {
  try {
    return compile(job.file, job.bytes, settings);
  } catch (error) {
    return notCompiled(job.file, errorMessage(error));
  }
}

/**
 * Compiles many editions, spread over child processes when there are enough
 * to be worth it (Markdown parsing is CPU-bound; a process costs a start-up).
 * Results come back in the order of `jobs`. A file whose compile throws, or
 * kills its process, becomes an error problem of that file alone; the files a
 * dead process did not reach are compiled here.
 */
export async function compileMany(
  jobs: CompileJob[],
  settings: CompileSettings,
  options: PoolOptions = {},
): Promise<CompileResult[]> {
  const inProcess = (job: CompileJob) => compileSafely(job, settings, options.compile);
  let shares = split(jobs, options, (job) => job.bytes.length);
  if (shares.length === 0 && !options.forceProcess) {
    // Few files: the plain small ones here, the others in a child process under the budget.
    const large = jobs.filter((job) => needsBudget(job.bytes));
    if (large.length === 0) return jobs.map(inProcess);
    const done = new Map<CompileJob, CompileResult>(
      jobs.filter((j) => !large.includes(j)).map((j) => [j, inProcess(j)]),
    );
    const compiled = await compileMany(large, settings, {
      ...options,
      processes: 1,
      minJobsPerProcess: 0,
      forceProcess: true,
    });
    large.forEach((job, i) => done.set(job, compiled[i]!));
    return jobs.map((job) => done.get(job)!);
  }
  if (shares.length === 0) shares = [jobs];
  const worker = options.worker ?? new URL('./compile-worker.ts', import.meta.url);
  const budgetMs = options.budgetMs ?? COMPILE_BUDGET_MS;
  const outcomes = await Promise.all(
    shares.map((share) =>
      runShare<CompileJob, CompileSettings, CompileResult>(
        worker,
        { jobs: share, context: settings },
        { budgetMs, background: options.background ?? false },
      ),
    ),
  );
  const results = shares.map((share, s) =>
    settle<CompileJob, CompileResult | undefined>(share, outcomes[s]!, {
      fail: (job, message) => notCompiled(job.file, message),
      crashed: (job, how) =>
        how.startsWith('it took longer')
          ? tooSlow(job.file, budgetMs)
          : notCompiled(job.file, `the process compiling it stopped (${how})`),
      // Not reached by a process that died: compiled again below, by the same rules.
      redo: () => undefined,
    }),
  );
  const ordered = inItemOrder(jobs, shares, results);
  const left = jobs.filter((_, i) => ordered[i] === undefined);
  // A process that died before starting anything would die again: then compile what is left here.
  const again =
    left.length === jobs.length
      ? left.map(inProcess)
      : left.length
        ? await compileMany(left, settings, { ...options, forceProcess: false })
        : [];
  return ordered.map((result) => result ?? again.shift()!);
}

/** A file that ran over the compile budget. */
function tooSlow(file: string, budgetMs: number): CompileResult {
  const message = `took longer than ${budgetMs / 1000} s to compile and was stopped; look for a very long paragraph, a huge table or lists nested very deeply`;
  return { edition: null, problems: [problem(file, undefined, 'file', message)] };
}
