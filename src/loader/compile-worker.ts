/**
 * A child process that compiles a share of the editions (see
 * `compile-processes.ts`), one file at a time, reporting each file's result on its
 * own. Processes, not worker threads: on this 2-core machine two worker
 * threads compiled no faster than one, two processes nearly twice as fast
 * (measured in bench/RESULTS.md).
 */
import { serveShare } from '../processes/child-protocol.ts';
import { compileEdition, type CompileSettings } from './compile-edition.ts';
import type { CompileJob } from './compile-processes.ts';

serveShare((job: CompileJob, settings: CompileSettings) => compileEdition(job.file, job.bytes, settings));
