import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem, hasErrors } from '../lib/errors.ts';
import { buildNow, visibleEditions } from '../lib/editions.ts';
import { getSite } from '../lib/site.ts';
import { editionModelSchema } from '../schemas/edition-model.ts';
import { EDITIONS_DIR, loadEditions } from './load-editions.ts';
import { loadTopics, topicsFileFor } from './load-topics.ts';
import { topicSchema } from '../schemas/topic.ts';

/** A content mistake that stops a production build; its message is the problem lines. */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(lines: string[]) {
    super(
      `${lines.join('\n')}\n${lines.length} problem${lines.length === 1 ? '' : 's'} in content; nothing was built.`,
    );
    this.stack = ''; // a content mistake is not a crash: no stack trace
  }
}

/**
 * The `editions` collection's loader. It runs the same loader the checker
 * uses (`loadEditions`), so the collection holds exactly the editions the
 * checker accepts. In `dev` a mistake is logged and the server keeps
 * serving the other editions; in a build it stops the build.
 */
/** The editions folder: `EDITIONS_DIR` or `content/editions`. */
export function editionsDir(): string {
  return process.env['EDITIONS_DIR'] ?? EDITIONS_DIR;
}

export function editionLoader(options: { dir?: string } = {}): Loader {
  const dir = options.dir ?? editionsDir();
  return {
    name: 'newsletter-editions',
    schema: editionModelSchema,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const dev = context.watcher !== undefined;
      const sync = async () => {
        const site = getSite();
        const result = await loadEditions({ root, dir, settings: { timeZone: site.timeZone, lang: site.lang } });
        const lines = result.problems.map(formatProblem);
        if (hasErrors(result.problems) && !dev) throw new ContentError(lines);
        for (const line of lines) context.logger.warn(line);
        context.store.clear();
        for (const edition of visibleEditions(result.editions, { production: !dev, now: buildNow() })) {
          context.store.set({ id: String(edition.number), data: edition, filePath: edition.file });
        }
      };
      await sync();
      const folder = join(root, dir);
      context.watcher?.add(folder);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder)) sync().catch((error: unknown) => context.logger.error(String(error)));
      });
    },
  };
}

/**
 * The `topics` collection's loader: display names and descriptions from the
 * topics file beside the editions folder (`content/topics.yaml`), validated
 * by the same schema the checker uses.
 */
export function topicLoader(options: { dir?: string } = {}): Loader {
  const file = topicsFileFor(options.dir ?? editionsDir());
  return {
    name: 'newsletter-topics',
    schema: topicSchema,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const dev = context.watcher !== undefined;
      const sync = () => {
        const result = loadTopics(root, file);
        const lines = result.problems.map(formatProblem);
        if (hasErrors(result.problems) && !dev) throw new ContentError(lines);
        for (const line of lines) context.logger.warn(line);
        context.store.clear();
        for (const [slug, data] of Object.entries(result.topics)) context.store.set({ id: slug, data });
      };
      sync();
      const path = join(root, file);
      context.watcher?.add(path);
      context.watcher?.on('all', (_event, changed) => {
        if (changed === path) sync();
      });
    },
  };
}
