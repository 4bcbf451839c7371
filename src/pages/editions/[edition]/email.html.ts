import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { emailHtml } from '../../../lib/email.ts';
import { getSite } from '../../../lib/site.ts';
import { cachedText } from '../../../loader/render-cache.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/email.html`: the edition as an HTML email. */
export const GET: APIRoute = async ({ props }) => {
  const { edition } = props as { edition: Edition };
  const site = getSite();
  return new Response(await cachedText('email.html', { edition, site }, () => emailHtml(edition, site)), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
};
