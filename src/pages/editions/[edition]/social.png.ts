import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { getSite } from '../../../lib/site.ts';
import { socialImagePng } from '../../../lib/social-image.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/social.png`: the edition's link-preview image. */
export const GET: APIRoute = async ({ props }) => {
  const png = await socialImagePng((props as { edition: Edition }).edition, getSite());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
