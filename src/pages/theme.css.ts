/** `/theme.css`: the settings reach CSS through this small file, since the Content-Security-Policy allows no inline style. */
import type { APIRoute } from 'astro';
import { getSite } from '../site/settings.ts';
import { themeCss } from '../render/theme.ts';

/** `/theme.css`: the site's accent colours as CSS custom properties (a file: the Content-Security-Policy allows no inline style). */
export const GET: APIRoute = () =>
  new Response(themeCss(getSite()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
