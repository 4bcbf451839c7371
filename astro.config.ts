import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/search-index.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { getSiteOrExit } from './src/site/settings.ts';

// Settings are validated before anything else runs; a mistake names the setting.
const site = getSiteOrExit();

/** Wiring only: the newsletter's settings live in src/site.config.ts. */
export default defineConfig({
  site: site.site,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Every built page but the 404; drafts and scheduled editions are never built, so never listed.
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page) }), searchIndex(), securityHeaders()],
  // Scripts always as files, never inlined: the Content-Security-Policy allows no inline script.
  vite: { build: { assetsInlineLimit: 0 } },
});
