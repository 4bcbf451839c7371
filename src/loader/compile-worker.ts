/**
 * A child process that compiles a share of the editions (see
 * `compile-processes.ts`), one file at a time, reporting each file's result on its
 * own. Processes, not worker threads: worker threads share one
 * process's heap and collector and compiled no faster than one, separate
 * processes scale with the cores (figures in bench/RESULTS.md).
 */
import { serveShare } from '../processes/child-protocol.ts';
import { compileEdition, type CompileSettings } from './compile-edition.ts';
import type { CompileJob } from './compile-processes.ts';

serveShare((job: CompileJob, settings: CompileSettings) => compileEdition(job.file, job.bytes, settings));
