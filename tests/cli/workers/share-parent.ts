/** A parent for tests: hands the slow worker a share that takes seconds, and waits. */
import { runShare } from '../../../src/processes/child-protocol.ts';

await runShare(new URL('./slow-worker.ts', import.meta.url), { jobs: [400, 400, 400, 400, 400], context: null });
