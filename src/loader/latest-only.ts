/**
 * Runs an async job so that calls never overlap and the last call always
 * gets a run that starts after it. The dev server re-syncs content on every
 * watcher event, and one save can fire several (an editor truncates, then
 * writes): two syncs side by side could finish out of order and leave the
 * half-written file's problems on screen.
 */

/**
 * `job`, wrapped: a call while it runs asks for one more run after it,
 * however many calls come in. The returned promise fails when the last run
 * failed.
 */
export function latestOnly(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let failure: { error: unknown } | undefined;
      do {
        again = false;
        try {
          await job();
          failure = undefined;
        } catch (error) {
          failure = { error };
        }
      } while (again);
      running = undefined;
      if (failure) throw failure.error;
    })();
    return running;
  };
}
