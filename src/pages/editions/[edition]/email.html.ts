import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../lib/collection.ts';
import { emailHtml } from '../../../lib/email.ts';
import { getSite } from '../../../lib/site.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/email.html`: the edition as an HTML email. */
export const GET: APIRoute = ({ props }) =>
  new Response(emailHtml((props as { edition: Edition }).edition, getSite()), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
