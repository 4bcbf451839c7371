/**
 * A child process that makes a share of the editions' social images and
 * emails (see `artifact-processes.ts`). Each image holds two 3 MB pixel
 * buffers outside the JavaScript heap, which V8 does not count towards
 * collecting garbage: measured at N=1000, a worker grew to 3.3 GB. So it
 * collects every few images (it is started with `--expose-gc`).
 */
import type { Edition } from '../schemas/edition-model.ts';
import { serveShare } from '../processes/child-protocol.ts';
import { prepareEditionArtifacts } from './artifacts.ts';

/** Images made between two collections. */
const COLLECT_EVERY = 16;
let made = 0;

serveShare(async (edition: Edition) => {
  const problems = await prepareEditionArtifacts(edition);
  if (++made % COLLECT_EVERY === 0) globalThis.gc?.();
  return problems;
});
