import { constants, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { takeSearchIndex } from '../render/search-index.ts';

/**
 * Puts every file under `from` at the same place under `to`, as a copy (a
 * clone where the file system can): `from` is the search cache, and a
 * published file that shared its storage with a cache entry would carry any
 * later change to that entry, a corruption included, straight to readers.
 */
function placeFiles(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) placeFiles(source, target);
    else {
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
    }
  }
}

/**
 * Puts the Pagefind search index into `pagefind/` at the end of
 * `astro build`, so there is no separate step to forget. The index is built
 * from the editions while Astro renders (`src/render/search-index.ts`); here
 * it is waited for and put in place. Each story heading with an id is a
 * sub-result, which is what the search page shows.
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
        const folder = join(fileURLToPath(dir), 'pagefind');
        if ('folder' in index) placeFiles(index.folder, folder);
        else
          for (const file of index.files) {
            mkdirSync(dirname(join(folder, file.path)), { recursive: true });
            writeFileSync(join(folder, file.path), file.content);
          }
        logger.info(`indexed ${index.pages} edition pages into ${folder}`);
      },
    },
  };
}
