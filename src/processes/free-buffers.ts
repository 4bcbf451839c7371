/**
 * Files read into buffers live outside the JavaScript heap, and V8 counts
 * them too late: a loop over thousands of cache entries held hundreds of
 * megabytes of buffers it had finished with (measured at 3,000 editions:
 * 188 MB after loading the editions). A young-generation collection is
 * cheap (the buffers' owners are new) and frees them. It needs
 * `--expose-gc`, which `scripts/build.ts` gives Astro and
 * `artifact-processes.ts` its workers; elsewhere this does nothing.
 */
const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;

/** Call once per item of a loop over files: collects after every `every` items. */
export function freeBuffersEvery(every: number): () => void {
  let count = 0;
  return () => {
    if (++count % every === 0) gc?.({ type: 'minor' });
  };
}
