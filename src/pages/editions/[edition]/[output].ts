import type { APIRoute, GetStaticPaths } from 'astro';
import { editionPaths } from '../../../model/collection.ts';
import { ARTIFACT_RENDERERS } from '../../../render/artifacts.ts';
import type { Edition } from '../../../schemas/edition-model.ts';
import { ARTIFACT_NAMES, EDITION_OUTPUTS, type ArtifactName } from '../../../site/edition-outputs.ts';

// A build writes these files from the edition-files integration (`src/render/edition-files.ts`); dev serves them here.
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await editionPaths()).flatMap(({ params, props }) =>
        ARTIFACT_NAMES.map((output) => ({
          params: { ...params, output: EDITION_OUTPUTS[output].file },
          props: { ...props, output },
        })),
      )
    : []) satisfies GetStaticPaths;

/** `/editions/<n>/<file>`: each of an edition's files besides its page (the table of outputs' artifact rows). */
export const GET: APIRoute = async ({ props }) => {
  const { edition, output } = props as { edition: Edition; output: ArtifactName };
  return new Response(await ARTIFACT_RENDERERS[output](edition), {
    headers: { 'Content-Type': EDITION_OUTPUTS[output].contentType },
  });
};
