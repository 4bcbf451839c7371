import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { emailText } from '../../../lib/email.ts';
import { getSite } from '../../../lib/site.ts';
import { cachedText } from '../../../loader/render-cache.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/email.txt`: the edition as a plain-text email. */
export const GET: APIRoute = async ({ props }) => {
  const { edition } = props as { edition: Edition };
  const site = getSite();
  return new Response(await cachedText('email.txt', { edition, site }, () => emailText(edition, site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
