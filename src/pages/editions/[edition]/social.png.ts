import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { getSite } from '../../../lib/site.ts';
import { socialImagePng } from '../../../lib/social-image.ts';
import { cachedBytes } from '../../../loader/render-cache.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/social.png`: the edition's link-preview image. */
export const GET: APIRoute = async ({ props }) => {
  const { edition } = props as { edition: Edition };
  const site = getSite();
  const png = await cachedBytes('social.png', { edition, site }, () => socialImagePng(edition, site));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
