import { availableParallelism } from 'node:os';
import { fork, type Serializable } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../schemas/edition-model.ts';
import { compileEdition, type CompileResult, type CompileSettings } from './compile-edition.ts';

/** One file to compile. */
export interface CompileJob {
  file: string;
  bytes: Uint8Array;
}

/** Below this many items per process, starting processes costs more than it saves. */
const MIN_JOBS_PER_THREAD = 40;

/** Runs one of the worker scripts beside this file in a child process with one message, and resolves with its one reply. */
function inChildProcess<R>(script: string, message: Serializable): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: { value: R } | undefined;
    child.once('message', (value) => (reply = { value: value as R }));
    child.once('error', reject);
    child.once('exit', (code) => (reply ? resolve(reply.value) : reject(new Error(`${script} exited with ${code}`))));
    child.send(message);
  });
}

/** How many processes `count` items are worth, and the items split into that many contiguous shares. */
function split<T>(items: readonly T[], options: { threads?: number; minJobsPerThread?: number }): T[][] {
  const threads = Math.min(
    options.threads ?? availableParallelism(),
    Math.floor(items.length / (options.minJobsPerThread ?? MIN_JOBS_PER_THREAD)),
  );
  if (threads < 2) return [];
  const size = Math.ceil(items.length / threads);
  return Array.from({ length: threads }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Compiles many editions, spread over child processes when there are enough
 * to be worth it (Markdown parsing is CPU-bound: ~10 ms per edition here).
 * Results come back in the order of `jobs`.
 */
export async function compileMany(
  jobs: CompileJob[],
  settings: CompileSettings,
  options: { threads?: number; minJobsPerThread?: number } = {},
): Promise<CompileResult[]> {
  const shares = split(jobs, options);
  if (shares.length === 0) return jobs.map((job) => compileEdition(job.file, job.bytes, settings));
  return (
    await Promise.all(
      shares.map((share) => inChildProcess<CompileResult[]>('./compile-worker.ts', { jobs: share, settings })),
    )
  ).flat();
}

/**
 * Makes each edition's social image and emails in child processes, into the
 * artifact cache, so that Astro's page loop (one core) only reads them. Does
 * nothing when there are too few editions to be worth it: the pages then
 * make them as they go.
 */
export async function prepareArtifactsInParallel(
  editions: readonly Edition[],
  options: { threads?: number; minJobsPerThread?: number } = {},
): Promise<void> {
  await Promise.all(split(editions, options).map((share) => inChildProcess<'done'>('./artifact-worker.ts', share)));
}
