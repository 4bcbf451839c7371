import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../model/collection.ts';
import { editionEmailHtml } from '../../../render/artifacts.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

export const getStaticPaths = editionPaths satisfies GetStaticPaths;

/** `/editions/<n>/email.html`: the edition as an HTML email. */
export const GET: APIRoute = async ({ props }) =>
  new Response(await editionEmailHtml((props as { edition: Edition }).edition), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
