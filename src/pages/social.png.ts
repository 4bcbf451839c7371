import type { APIRoute } from 'astro';
import { siteSocialImage } from '../render/artifacts.ts';

/** `/social.png`: the site's link-preview image, for pages that are not an edition. */
export const GET: APIRoute = async () => {
  return new Response(await siteSocialImage(), { headers: { 'Content-Type': 'image/png' } });
};
