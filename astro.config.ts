import { defineConfig } from 'astro/config';
import devReload from './src/integrations/dev-reload.ts';
import editionFiles from './src/integrations/edition-files.ts';
import editionOutputRoutes from './src/integrations/edition-output-routes.ts';
import pageCache from './src/integrations/page-cache.ts';
import requestGuard from './src/integrations/request-guard.ts';
import searchIndex from './src/integrations/search-index.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import sitemap from './src/integrations/sitemap.ts';
import { devWatchIgnored } from './src/site/dev-watch.ts';
import { publicDirFrom } from './src/site/environment.ts';
import { getSiteOrExit } from './src/site/settings.ts';

// Settings are validated before anything else runs; a mistake names the setting.
const site = getSiteOrExit();

/** Wiring only: the newsletter's settings live in src/site.config.ts. */
export default defineConfig({
  site: site.site,
  base: site.base,
  // Files served as they are: `public/`, or `PUBLIC_DIR` (where `npm run import --public` copied an archive's).
  publicDir: publicDirFrom(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // In this order at the end of a build: cached edition pages back in place; each edition's social
  // image and emails written; the sitemap (every page but the 404; drafts and scheduled editions are
  // never built, so never listed); the search index (built while Astro rendered) written; the
  // security headers. `dev` reloads on each edit, serves the editions' other files from the table of outputs,
  // and answers malformed or climbing URLs with a plain 400/404.
  integrations: [
    pageCache(),
    editionFiles(),
    sitemap(),
    searchIndex(),
    securityHeaders(),
    devReload(),
    editionOutputRoutes(),
    requestGuard(),
  ],
  // Scripts always as files, never inlined: the Content-Security-Policy allows no inline script.
  vite: {
    // `npm run build` hands Astro a fresh folder holding only the marker that says a build wrote it
    // (scripts/lib/output-folder.ts); emptying it first would remove the marker.
    build: { assetsInlineLimit: 0, emptyOutDir: false },
    // `npm run dev` watches sources and editions, not what builds, tests and the benchmark write.
    server: { watch: { ignored: devWatchIgnored(process.cwd()) } },
  },
});
