import { fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { storedEditionSchema, type Edition, type EditionSummary } from '../schemas/edition-model.ts';
import { loadedEdition, storedEdition } from './loaded-editions.ts';
import { publishLive } from './dev-live.ts';
import { fileProblems } from './file-problems.ts';
import { afterQuiet, latestOnly } from './latest-only.ts';
import { hasErrors } from '../diagnostics/problem.ts';
import { formatProblem } from '../diagnostics/format.ts';
import { editionsDirFrom, environmentProblems, EnvironmentError } from '../site/environment.ts';
import { getSite } from '../site/settings.ts';
import { ContentError } from './content-error.ts';
import { loadContent } from './load-content.ts';
import { LoadMemory } from './load-memory.ts';
import type { LoadResult } from './load-editions.ts';
import { topicsFileFor } from './load-topics.ts';
import type { ProblemChannel } from './problems-loader.ts';

/** How many uncached editions `dev` compiles before its first page, when there are more. */
const DEV_SOON = 30;
/** How many a save compiles while those are still compiling: the saved files first. */
const SAVED_SOON = 5;

/** The editions folder: `EDITIONS_DIR` or `content/editions`; an empty `EDITIONS_DIR` throws an `EnvironmentError`. */
export function editionsDir(): string {
  return editionsDirFrom(process.env);
}

/**
 * The `editions` collection's loader. It runs what the checker runs
 * (`loadContent`: every edition and the topics file), so the collection
 * holds exactly the editions the checker accepts. In `dev` a mistake is
 * logged and the server keeps serving the other editions (and `problems`
 * hands the files with errors to the dev-only `problems` collection); in a
 * build it stops the build.
 */
export function editionLoader(
  options: {
    dir?: string;
    /** Which editions the collection holds (default: all); `dev` is true under `astro dev`. */
    publish?: (editions: readonly Edition[], dev: boolean) => Edition[];
    /** Called after a production load with the editions held (as kept: summaries), to start making their images and emails. */
    prepare?: (editions: readonly EditionSummary[]) => void;
    /** Lines a production build prints once, given every valid edition: warnings, and what it leaves out. */
    notes?: (editions: readonly Edition[]) => { warn: string[]; info: string[] };
    /** In `dev`, where the files with errors go, for pages to show them. */
    problems?: ProblemChannel;
  } = {},
): Loader {
  const dir = options.dir ?? editionsDir();
  return {
    name: 'newsletter-editions',
    schema: storedEditionSchema,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const environment = environmentProblems(process.env, { root });
      if (environment.length) throw new EnvironmentError(environment);
      const dev = context.watcher !== undefined;
      let synced = false;
      // `dev`'s first sync may leave the older editions compiling (`rest`), and files saved meanwhile.
      let compiling: Promise<void> | undefined;
      const saved = new Set<string>();
      const memory = dev ? new LoadMemory() : undefined;
      const show = (result: LoadResult) => {
        const lines = result.problems.map(formatProblem);
        if (hasErrors(result.problems) && !dev) throw new ContentError(lines);
        for (const line of lines) context.logger.warn(line);
        const visible = options.publish ? options.publish(result.editions, dev) : result.editions;
        const ids = new Set(visible.map((edition) => String(edition.number)));
        for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
        // The edition's hash is the entry's digest: the entry of an edition that did not change is left as it
        // was, so a save in `dev` replaces one entry instead of clearing and refilling all of them.
        const kept = visible.map((edition) => {
          const data = storedEdition(edition, dev);
          context.store.set({ id: String(edition.number), data, filePath: edition.file, digest: data.key });
          return loadedEdition(data);
        });
        if (dev) {
          const problems = fileProblems(root, result.problems);
          options.problems?.publish(problems);
          publishLive({ editions: visible, problems });
        }
        if (!dev) {
          const notes = options.notes?.(result.editions);
          for (const line of notes?.warn ?? []) context.logger.warn(line);
          for (const line of notes?.info ?? []) context.logger.info(line);
          options.prepare?.(kept);
        }
      };
      const sync = latestOnly(async () => {
        const site = getSite();
        const first = !synced;
        synced = true;
        const meanwhile = compiling !== undefined;
        const result = await loadContent({
          root,
          dir,
          settings: { timeZone: site.timeZone, lang: site.lang, base: site.base },
          ...(memory ? { memory } : {}),
          // `dev` from nothing (a fresh clone): the newest editions first, so the first page is up in
          // seconds, and the whole folder after; a save meanwhile is shown at once from a part of it.
          ...(dev && first ? { soon: { count: DEV_SOON, rest: true } } : {}),
          ...(meanwhile ? { soon: { count: SAVED_SOON, rest: false, prefer: new Set(saved) } } : {}),
        });
        show(result);
        if (result.rest) {
          context.logger.info(
            'the newest editions are ready; compiling the others (open pages reload when they are in)',
          );
          compiling = result.rest
            .then((whole) => {
              compiling = undefined;
              // What was saved meanwhile is newer than the whole folder as first read: read it again.
              if (saved.size) void sync().catch((error: unknown) => context.logger.error(String(error)));
              else show(whole);
              saved.clear();
            })
            .catch((error: unknown) => context.logger.error(String(error)));
        }
      });
      await sync();
      const folder = resolve(root, dir);
      const topicsFile = resolve(root, topicsFileFor(dir));
      context.watcher?.add([folder, topicsFile]);
      const resync = afterQuiet(() => void sync().catch((error: unknown) => context.logger.error(String(error))), 50);
      context.watcher?.on('all', (_event, path) => {
        if (compiling && (path.startsWith(folder) || path === topicsFile))
          saved.add(relative(root, path).split(sep).join('/'));
        if (path.startsWith(folder) || path === topicsFile) resync();
      });
    },
  };
}
