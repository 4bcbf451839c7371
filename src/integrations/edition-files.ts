/**
 * Writes each edition's social image and emails (`src/render/edition-files.ts`)
 * at the end of `astro build`, before the sitemap and the search index read
 * the output. A file that could not be made stops the build with a problem
 * line naming the edition and the file.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatProblem } from '../diagnostics/format.ts';
import { ContentError } from '../loader/content-error.ts';
import { writeEditionFiles } from '../render/edition-files.ts';

export default function editionFiles(): AstroIntegration {
  return {
    name: 'newsletter-edition-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { written, problems } = await writeEditionFiles(fileURLToPath(dir));
        if (problems.length) {
          const hint = 'Each line names the edition and the file that could not be made; the edition itself is valid.';
          throw new ContentError(problems.map(formatProblem), 'in the generated files', hint);
        }
        if (written) logger.info(`social image and emails of ${written} edition${written === 1 ? '' : 's'} written`);
      },
    },
  };
}
