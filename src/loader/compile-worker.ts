/**
 * A child process that compiles a share of the editions (see
 * `compile-pool.ts`). Processes, not worker threads: on this 2-core machine
 * two worker threads compiled no faster than one, two processes nearly twice
 * as fast (measured in bench/RESULTS.md).
 */
import { compileEdition, type CompileSettings } from './compile-edition.ts';

process.once('message', (message) => {
  const { jobs, settings } = message as { jobs: { file: string; bytes: Uint8Array }[]; settings: CompileSettings };
  process.send?.(
    jobs.map((job) => compileEdition(job.file, job.bytes, settings)),
    () => process.disconnect(),
  );
});
