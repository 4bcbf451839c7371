import type { APIRoute } from 'astro';
import { getSite } from '../site/settings.ts';
import { socialImagePng } from '../render/social-image.ts';

/** `/social.png`: the site's link-preview image, for pages that are not an edition. */
export const GET: APIRoute = async () => {
  const png = await socialImagePng(undefined, getSite());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
