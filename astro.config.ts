import { defineConfig } from 'astro/config';
import { getSite, SiteConfigError } from './src/lib/site.ts';

// Settings are validated before anything else runs; a mistake names the setting.
let site;
try {
  site = getSite();
} catch (error) {
  if (!(error instanceof SiteConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** Wiring only: the newsletter's settings live in src/site.config.ts. */
export default defineConfig({
  site: site.site,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
