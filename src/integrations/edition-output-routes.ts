/**
 * `npm run dev`: one route per artifact row of the table of outputs
 * (`src/site/edition-outputs.ts`), `/editions/[edition]/<file>`, all served by
 * `src/pages/_edition-output.ts`. A build routes none of them: it writes the
 * files from the artifact cache at its end (`edition-files.ts`), so Astro
 * never walks thousands of routes for them.
 */
import type { AstroIntegration } from 'astro';
import { ARTIFACT_NAMES, EDITION_OUTPUTS } from '../site/edition-outputs.ts';

export default function editionOutputRoutes(): AstroIntegration {
  return {
    name: 'newsletter-edition-output-routes',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        for (const name of ARTIFACT_NAMES) {
          injectRoute({
            pattern: `/editions/[edition]/${EDITION_OUTPUTS[name].file}`,
            entrypoint: new URL('../pages/_edition-output.ts', import.meta.url),
            prerender: true,
          });
        }
      },
    },
  };
}
