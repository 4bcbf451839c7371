/**
 * A young-generation garbage collection every so many items of a loop over
 * files. Files read into buffers live outside the JavaScript heap, and V8
 * counts them too late, so a loop over thousands of cache entries keeps the
 * buffers it has finished with until the heap itself fills (figures in
 * `bench/RESULTS.md`). A minor collection is cheap (the buffers' owners are
 * young) and frees them. It needs `--expose-gc`, which `scripts/build.ts`
 * gives Astro and `artifact-processes.ts` its workers; elsewhere this does
 * nothing.
 */
const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;

/** Call once per item of a loop over files: collects garbage after every `every` items. */
export function collectGarbageEvery(every: number): () => void {
  let count = 0;
  return () => {
    if (++count % every === 0) gc?.({ type: 'minor' });
  };
}
