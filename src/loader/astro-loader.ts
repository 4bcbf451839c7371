import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem, hasErrors } from '../lib/errors.ts';
import { buildNow, visibleEditions } from '../lib/editions.ts';
import { editionsDirFrom, environmentProblems, EnvironmentError } from '../lib/environment.ts';
import { getSite } from '../lib/site.ts';
import { editionModelSchema } from '../schemas/edition-model.ts';
import { prepareArtifactsInParallel } from './compile-pool.ts';
import { fileProblems } from './file-problems.ts';
import { afterQuiet, latestOnly } from './latest-only.ts';
import { loadContent } from './load-content.ts';
import { topicsFileFor } from './load-topics.ts';
import type { ProblemChannel } from './problems-loader.ts';

/** A content mistake that stops a production build; its message is the problem lines. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(lines: string[], where = 'in content') {
    super(`${lines.join('\n')}\n${lines.length} problem${lines.length === 1 ? '' : 's'} ${where}; nothing was built.`);
    this.stack = ''; // a content mistake is not a crash: no stack trace
  }
}

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
export function editionLoader(options: { dir?: string; problems?: ProblemChannel } = {}): Loader {
  const dir = options.dir ?? editionsDir();
  return {
    name: 'newsletter-editions',
    schema: editionModelSchema,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const environment = environmentProblems(process.env, { root });
      if (environment.length) throw new EnvironmentError(environment);
      const dev = context.watcher !== undefined;
      const sync = latestOnly(async () => {
        const site = getSite();
        const result = await loadContent({ root, dir, settings: { timeZone: site.timeZone, lang: site.lang } });
        const lines = result.problems.map(formatProblem);
        if (hasErrors(result.problems) && !dev) throw new ContentError(lines);
        for (const line of lines) context.logger.warn(line);
        context.store.clear();
        const visible = visibleEditions(result.editions, { production: !dev, now: buildNow() });
        for (const edition of visible) {
          context.store.set({ id: String(edition.number), data: edition, filePath: edition.file });
        }
        if (dev) options.problems?.publish(fileProblems(root, result.problems));
        // A build makes every edition's image and emails; on both cores, before Astro's one-core page loop.
        if (!dev) {
          const failed = await prepareArtifactsInParallel(visible);
          if (failed.length) throw new ContentError(failed.map(formatProblem), 'in the generated files');
        }
      });
      await sync();
      const folder = join(root, dir);
      const topicsFile = join(root, topicsFileFor(dir));
      context.watcher?.add([folder, topicsFile]);
      const resync = afterQuiet(() => void sync().catch((error: unknown) => context.logger.error(String(error))), 100);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) || path === topicsFile) resync();
      });
    },
  };
}
