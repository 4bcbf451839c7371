/**
 * How the dev server runs its content sync on watcher events: never two at
 * once, and only once the files have settled. One save can fire several
 * events (an editor truncates, then writes): two syncs side by side could
 * finish out of order, and a sync at the first event reads a half-written
 * file; either would leave its problems on screen.
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

/**
 * `job`, called once `quiet` ms have passed without another call. A save
 * that truncates the file and then writes it fires a watcher event at the
 * truncation; a sync run at once reads an empty file, and the write that
 * follows within the same millisecond may fire no event of its own (the
 * watcher sees the same modification time). Waiting for quiet reads the
 * saved file.
 */
export function afterQuiet(job: () => void, quiet: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(job, quiet);
  };
}
