/**
 * The second half of the page cache (`src/render/page-cache.ts`): once Astro
 * has rendered the edition pages whose key was new, keep them, and write
 * every other edition page from the cache, before the sitemap and the
 * search index read the output.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectGarbageEvery } from '../processes/collect-garbage.ts';
import { restorePage, storePage, takePlan } from '../render/page-cache.ts';

/** Keeps new edition pages and writes cached ones at the end of `astro build`. */
export default function pageCache(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'newsletter-page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const plan = takePlan();
        let restored = 0;
        const collect = collectGarbageEvery(100);
        for (const page of plan) {
          collect();
          const path = join('editions', String(page.number), 'index.html');
          if (!page.cached) storePage(root, page.key, join(out, path));
          else if (restorePage(root, page.key, out, path)) restored++;
          else throw new Error(`page cache: the cached page of edition ${page.number} is gone; build again`);
        }
        if (plan.length)
          logger.info(`${plan.length - restored} edition pages rendered, ${restored} from the page cache`);
      },
    },
  };
}
