/**
 * A compile worker for tests: compiles like the real one, except that a file
 * containing "THROW" throws and a file containing "CRASH" kills the process.
 */
import { serveShare } from '../../../src/processes/child-protocol.ts';
import { compileEdition, type CompileSettings } from '../../../src/loader/compile-edition.ts';
import type { CompileJob } from '../../../src/loader/compile-processes.ts';

serveShare((job: CompileJob, settings: CompileSettings) => {
  const text = new TextDecoder().decode(job.bytes);
  if (text.includes('CRASH')) process.exit(3);
  if (text.includes('THROW')) throw new Error('boom\n::warning::injected');
  return compileEdition(job.file, job.bytes, settings);
});
