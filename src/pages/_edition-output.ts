import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../model/collection.ts';
import { ARTIFACT_RENDERERS } from '../render/artifacts.ts';
import { wholeEdition } from '../loader/loaded-editions.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { ARTIFACT_NAMES, EDITION_OUTPUTS } from '../site/edition-outputs.ts';

// `npm run dev` only: the edition-output-routes integration routes each artifact row of the table of outputs
// here (`/editions/<n>/social.png`, …); a build writes these files from `src/render/edition-files.ts`.
export const getStaticPaths = (() => editionPaths()) satisfies GetStaticPaths;

/** `/editions/<n>/<file>`: one of an edition's files besides its page, by its row of the table. */
export const GET: APIRoute = async ({ props, url }) => {
  const file = url.pathname.split('/').at(-1);
  const output = ARTIFACT_NAMES.find((name) => EDITION_OUTPUTS[name].file === file);
  if (!output) return new Response(null, { status: 404 });
  return new Response(await ARTIFACT_RENDERERS[output](wholeEdition((props as { edition: EditionSummary }).edition)), {
    headers: { 'Content-Type': EDITION_OUTPUTS[output].contentType },
  });
};
