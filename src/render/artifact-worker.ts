/**
 * A child process that makes a share of the editions' social images and
 * emails (see `artifact-processes.ts`). Each image's pixels live outside the
 * JavaScript heap, held by resvg's rendered-image object until the garbage
 * collector finalizes it, and V8 does not count them towards collecting:
 * left alone, a worker grows by the size of every image it drew. A
 * young-generation collection after each image (cheap: the object is new)
 * and a turn of the event loop (where the finalizers run) free them, and
 * make each image faster besides (figures in `bench/RESULTS.md`). The worker
 * is started with `--expose-gc`. With the context `bytes` it hands back
 * the files themselves, for a build whose artifact cache could not keep them.
 */
import type { Edition } from '../schemas/edition-model.ts';
import { serveShare } from '../processes/child-protocol.ts';
import { editionArtifactBytes, prepareEditionArtifacts } from './artifacts.ts';

serveShare(async (edition: Edition, context: 'bytes' | null) => {
  // `bytes`: the files themselves, for a build whose cache could not keep them.
  const made = await (context === 'bytes' ? editionArtifactBytes(edition) : prepareEditionArtifacts(edition));
  globalThis.gc?.({ type: 'minor' });
  await new Promise((resolve) => setImmediate(resolve));
  return made;
});
