/**
 * The `topics` collection's loader: `topics.yaml` beside the editions
 * folder, one entry per topic slug. Its problems are reported by the
 * editions loader, which runs the same checks as `npm run check`; this
 * loader only loads what is valid.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { editionsDirFrom } from '../site/environment.ts';
import { topicSchema } from '../schemas/topic.ts';
import { loadTopicsWithin, topicsFileFor } from './load-topics.ts';

const EMPTY = '(none)';

/** Loads `topics.yaml` (beside the editions folder, or `options.dir`'s) into the collection; reloads it in `dev`. */
export function topicsLoader(options: { dir?: string } = {}): Loader {
  return {
    name: 'newsletter-topics',
    schema: topicSchema,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const file = topicsFileFor(options.dir ?? editionsDirFrom(process.env));
      const sync = async () => {
        const { topics } = await loadTopicsWithin(root, file);
        context.store.clear();
        for (const [slug, data] of Object.entries(topics)) context.store.set({ id: slug, data });
        if (Object.keys(topics).length === 0) {
          // No topics.yaml (or an empty one) is a site without topic descriptions, not a mistake: an entry
          // set and deleted leaves the collection there but empty, so pages read no topics and Astro
          // does not warn on every build that the collection "does not exist or is empty".
          context.store.set({ id: EMPTY, data: {} });
          context.store.delete(EMPTY);
        }
      };
      await sync();
      context.watcher?.add(resolve(root, file));
      context.watcher?.on('all', (_event, path) => {
        if (path === resolve(root, file)) void sync();
      });
    },
  };
}
