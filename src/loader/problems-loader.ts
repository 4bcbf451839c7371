/**
 * The dev-only `problems` collection: the files with errors that the
 * editions loader found on its last sync, so pages can show them in
 * `npm run dev`. In a build it is always empty (a build stops on any error).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { DEV_PROBLEMS_ID, devProblemsSchema, type FileProblems } from '../schemas/file-problems.ts';

/**
 * Hands the editions loader's latest problems to the problems loader. Both
 * loaders run in the dev server's process and Astro starts them together,
 * so the problems loader waits for the first sync's result.
 */
export class ProblemChannel {
  #latest: FileProblems[] | undefined;
  #waiting: ((entries: FileProblems[]) => void)[] = [];
  #listener: ((entries: FileProblems[]) => void) | undefined;

  /** The editions loader's latest result; passed on to the listener at once. */
  publish(entries: FileProblems[]): void {
    this.#latest = entries;
    for (const resolve of this.#waiting.splice(0)) resolve(entries);
    this.#listener?.(entries);
  }

  /** The latest result, or the first one once it is published. */
  latest(): Promise<FileProblems[]> {
    const latest = this.#latest;
    return latest ? Promise.resolve(latest) : new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Calls `listener` on every later result (replacing any earlier listener). */
  listen(listener: (entries: FileProblems[]) => void): void {
    this.#listener = listener;
  }
}

/**
 * The `problems` collection's loader: in `dev`, one entry (`DEV_PROBLEMS_ID`)
 * holding every file with an error, from `channel`; in a build, empty.
 */
export function problemsLoader(channel: ProblemChannel): Loader {
  return {
    name: 'newsletter-problems',
    schema: devProblemsSchema,
    async load(context: LoaderContext) {
      context.store.clear();
      if (context.watcher === undefined) return; // a build: never anything here
      const fill = (files: FileProblems[]) => context.store.set({ id: DEV_PROBLEMS_ID, data: { files } });
      fill(await channel.latest());
      channel.listen(fill);
    },
  };
}
