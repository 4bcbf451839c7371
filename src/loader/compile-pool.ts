import { availableParallelism } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileEdition, type CompileResult, type CompileSettings } from './compile-edition.ts';

/** One file to compile. */
export interface CompileJob {
  file: string;
  bytes: Uint8Array;
}

/** Below this many files per thread, starting workers costs more than it saves. */
const MIN_JOBS_PER_THREAD = 40;

function inChildProcess(jobs: CompileJob[], settings: CompileSettings): Promise<CompileResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./compile-worker.ts', import.meta.url)), {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let results: CompileResult[] | undefined;
    child.once('message', (message) => (results = message as CompileResult[]));
    child.once('error', reject);
    child.once('exit', (code) =>
      results ? resolve(results) : reject(new Error(`edition compiler process exited with ${code}`)),
    );
    child.send({ jobs, settings });
  });
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
  const minJobs = options.minJobsPerThread ?? MIN_JOBS_PER_THREAD;
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(jobs.length / minJobs));
  if (threads < 2) return jobs.map((job) => compileEdition(job.file, job.bytes, settings));
  const size = Math.ceil(jobs.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  return (await Promise.all(shares.map((share) => inChildProcess(share, settings)))).flat();
}
