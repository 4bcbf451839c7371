/**
 * The site URL `src/site.config.ts` ships with: a production build that
 * still has it warns. A module of its own, importing nothing, so loading the
 * settings module costs no more than the settings (the command-line scripts
 * load it once under a time budget before they start: `scripts/require-node.js`).
 */
export const EXAMPLE_SITE_URL = 'https://ai-platforms.example.org';
