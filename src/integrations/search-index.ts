import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** What Pagefind did: how many pages it indexed, into which folder. */
interface Indexed {
  pages: number;
  folder: string;
}

/** Indexes the edition pages under `site` into `site/pagefind`; throws with Pagefind's own messages. */
async function buildIndex(site: string): Promise<Indexed> {
  const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  try {
    // Only edition pages: Pagefind would otherwise parse every email and listing page to skip it.
    const added = await index.addDirectory({ path: site, glob: 'editions/*/index.html' });
    const folder = join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath: folder });
    const problems = [...added.errors, ...written.errors];
    if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
    return { pages: added.page_count, folder };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the Pagefind search index at the end of `astro build`, so there is
 * no separate step to forget. Only edition pages are indexed (they alone
 * carry `data-pagefind-body`); each section heading with an id becomes a
 * sub-result, which is what the search page shows.
 *
 * Two integrations: `start`, placed right after the page cache has put every
 * edition page in place, starts Pagefind (its own process); `written`,
 * placed after the integrations that write the other files, waits for it.
 * So the edition files and the sitemap are written while Pagefind indexes.
 */
export default function searchIndex(): { start: AstroIntegration; written: AstroIntegration } {
  let indexing: Promise<Indexed | Error> | undefined;
  return {
    start: {
      name: 'newsletter-search-index',
      hooks: {
        'astro:build:done': ({ dir }) => {
          indexing = buildIndex(fileURLToPath(dir)).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          );
        },
      },
    },
    written: {
      name: 'newsletter-search-index-written',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          const result = await indexing;
          if (result instanceof Error) throw result;
          if (result) logger.info(`indexed ${result.pages} edition pages into ${result.folder}`);
        },
      },
    },
  };
}
