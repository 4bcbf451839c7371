import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index as the last step of `astro build`, so
 * there is no separate step to forget. Only edition pages are indexed (they
 * alone carry `data-pagefind-body`); each section heading with an id becomes
 * a sub-result, which is what the search page shows.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'newsletter-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ includeCharacters: '_' });
        if (!index) throw new Error(`search index: ${errors.join('; ')}`);
        // Only edition pages: Pagefind would otherwise parse every email and listing page to skip it.
        const added = await index.addDirectory({ path: site, glob: 'editions/*/index.html' });
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        await pagefind.close();
        const problems = [...added.errors, ...written.errors];
        if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
        logger.info(`indexed ${added.page_count} edition pages into ${join(site, 'pagefind')}`);
      },
    },
  };
}
