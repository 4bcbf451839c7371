import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../model/collection.ts';
import { editionEmailText } from '../../../render/artifacts.ts';
import type { Edition } from '../../../schemas/edition-model.ts';

// A build writes these files from the edition-files integration (`src/render/edition-files.ts`); dev serves them here.
export const getStaticPaths = (() => (import.meta.env.DEV ? editionPaths() : [])) satisfies GetStaticPaths;

/** `/editions/<n>/email.txt`: the edition as a plain-text email. */
export const GET: APIRoute = async ({ props }) =>
  new Response(await editionEmailText((props as { edition: Edition }).edition), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
