import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { emailText } from '../../../lib/email.ts';
import { getSite } from '../../../lib/site.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/email.txt`: the edition as a plain-text email. */
export const GET: APIRoute = ({ props }) =>
  new Response(emailText((props as { edition: Edition }).edition, getSite()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
