import type { APIRoute } from 'astro';
import { absolute, paths } from '../site/urls.ts';

/** `/robots.txt`: everything may be crawled; the sitemap says what there is. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(paths.sitemap())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
