/**
 * How the parent and its child processes talk (see `src/loader/compile-processes.ts` and `src/render/artifact-processes.ts`): the
 * parent sends one share of items; the child says which item it starts
 * before working on it, then sends that item's result (or the message of
 * the exception it threw) on its own. So one item that throws never hides
 * the others' results, and when a child dies the parent knows which item it
 * was working on and which are left to do.
 */
import { fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What a child tells its parent. */
export type ChildMessage<R> =
  | { kind: 'start'; index: number }
  | { kind: 'result'; index: number; value: R }
  | { kind: 'failed'; index: number; message: string }
  | { kind: 'done' };

/** What the parent sends a child: its share of the items, and what every item needs. */
export interface Share<J, C> {
  jobs: J[];
  context: C;
}

/** An exception as one line of text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * A child whose parent is gone (a build stopped by Ctrl-C or SIGTERM) has
 * no one to report to: it exits quietly, instead of dying on
 * `ERR_IPC_DISCONNECTED` with a stack trace in the terminal.
 */
function parentGone(): never {
  process.exit(0);
}

function send<R>(message: ChildMessage<R>): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    if (!process.connected) parentGone();
    try {
      process.send(message, undefined, {}, (error) => (error ? parentGone() : resolve()));
    } catch {
      parentGone();
    }
  });
}

/**
 * In a child process: waits for the parent's share, then runs `work` on each
 * item in turn, reporting the start of each and its result or failure.
 */
export function serveShare<J, C, R>(work: (job: J, context: C) => R | Promise<R>): void {
  process.once('disconnect', parentGone);
  process.once('message', async (message) => {
    const { jobs, context } = message as Share<J, C>;
    for (const [index, job] of jobs.entries()) {
      // Wait until the parent has been told, so a crash in `work` still names the item.
      await send({ kind: 'start', index });
      try {
        await send({ kind: 'result', index, value: await work(job, context) });
      } catch (error) {
        await send({ kind: 'failed', index, message: errorMessage(error) });
      }
    }
    await send({ kind: 'done' });
    process.off('disconnect', parentGone);
    process.disconnect();
  });
}

/** What came back from one child: results and failures by index, and how it ended if it did not finish. */
export interface ShareOutcome<R> {
  results: Map<number, R>;
  failed: Map<number, string>;
  /** Set when the child ended before finishing: the item it was working on, and how it ended. */
  crash?: { index: number | undefined; how: string };
}

/**
 * In the parent: runs `script` (a worker beside this file, or any URL) in a
 * child process over one share. With `budgetMs`, an item that runs longer
 * is stopped: the child is killed and the outcome names that item.
 */
export function runShare<J, C, R>(
  script: string | URL,
  share: Share<J, C>,
  options: { budgetMs?: number; execArgv?: string[]; background?: boolean } = {},
): Promise<ShareOutcome<R>> {
  return new Promise((resolve) => {
    const outcome: ShareOutcome<R> = { results: new Map(), failed: new Map() };
    let current: number | undefined;
    let started = 0;
    let done = false;
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (how?: string) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      if (!done) outcome.crash = { index: current, how: how ?? 'it stopped' };
      resolve(outcome);
    };
    const path = script instanceof URL ? fileURLToPath(script) : fileURLToPath(new URL(script, import.meta.url));
    let child;
    try {
      child = fork(path, {
        serialization: 'advanced',
        execArgv: options.execArgv ?? [],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
    } catch (error) {
      finish(`it could not start: ${errorMessage(error)}`);
      return;
    }
    if (options.background && child.pid !== undefined) {
      try {
        // Work nobody waits for yet gives way to work someone does (a page being served).
        setPriority(child.pid, 10);
      } catch {
        // Not allowed here: it runs at the same priority.
      }
    }
    const budget = options.budgetMs;
    if (budget !== undefined) {
      watchdog = setInterval(
        () => {
          if (current === undefined || performance.now() - started <= budget) return;
          finish(`it took longer than ${budget / 1000} s`);
          child.kill('SIGKILL');
        },
        Math.min(250, budget),
      );
    }
    child.on('message', (raw) => {
      const message = raw as ChildMessage<R>;
      if (message.kind === 'start') [current, started] = [message.index, performance.now()];
      else if (message.kind === 'result') {
        outcome.results.set(message.index, message.value);
        current = undefined;
      } else if (message.kind === 'failed') {
        outcome.failed.set(message.index, message.message);
        current = undefined;
      } else done = true;
    });
    child.once('error', (error) => finish(`it could not run: ${errorMessage(error)}`));
    // 'close', not 'exit': it comes after every message the child sent has been read.
    child.once('close', (code, signal) =>
      finish(signal ? `it was killed by ${signal}` : `it exited with code ${code ?? 'unknown'}`),
    );
    child.send(share, (error) => {
      if (error) finish(`it could not be sent its work: ${errorMessage(error)}`);
    });
  });
}
