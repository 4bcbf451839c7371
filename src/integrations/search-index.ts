import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeOutputFile } from '../cache/previous-output.ts';
import { previousOutput } from '../handoffs.ts';
import { takeSearchIndex } from '../render/search-index.ts';

/**
 * Puts the Pagefind search index into `pagefind/` at the end of
 * `astro build`, so there is no separate step to forget. The index is built
 * from the editions while Astro renders (`src/render/search-index.ts`); here
 * it is waited for and written, each file linked from the previous site
 * when that holds the same bytes (most of a rebuild's index). Each story
 * heading with an id is a sub-result, which is what the search page shows.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'newsletter-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const indexing = takeSearchIndex();
        if (!indexing) return;
        const index = await indexing.catch((error: unknown) => {
          throw new Error(`search index: ${error instanceof Error ? error.message : String(error)}`);
        });
        const out = fileURLToPath(dir);
        const previous = previousOutput();
        const folders = new Set<string>();
        for await (const file of index.files()) {
          const path = join('pagefind', file.path);
          const folder = dirname(join(out, path));
          if (!folders.has(folder)) {
            mkdirSync(folder, { recursive: true });
            folders.add(folder);
          }
          writeOutputFile(out, path, file.content, previous);
        }
        const parts = index.parts === 1 ? '' : `, in ${index.parts} parts`;
        const unchanged = index.parts - index.indexed;
        const kept = unchanged === 0 ? '' : ` (${index.parts === 1 ? '' : `${unchanged} `}unchanged, from the cache)`;
        logger.info(`indexed ${index.pages} edition pages into ${join(out, 'pagefind')}${parts}${kept}`);
      },
    },
  };
}
