/**
 * The renderers of the files made per edition besides its page — link-preview
 * image, HTML and text email — and of the site's own image, through the
 * artifact cache, with one cache key each, whether `dev`'s route asks for
 * them or the build's child processes make them in advance. One renderer per
 * artifact row of the table of outputs (`src/site/edition-outputs.ts`).
 * Never loaded by the content loader: a module it loads late would find
 * Astro's module loader gone.
 */
import type { Problem } from '../diagnostics/problem.ts';
import type { MadeFiles } from '../handoffs.ts';
import { getSite } from '../site/settings.ts';
import type { ArtifactName } from '../site/edition-outputs.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { errorMessage } from '../processes/child-protocol.ts';
import { cachedBytes, cachedText, editionInput } from './artifact-cache.ts';
import { artifactProblem } from './edition-files.ts';

// What draws images and writes emails (satori, resvg) is loaded on a cache miss only, so a
// build whose files are all cached never loads it.
const drawing = () => import('./social-image.ts');
const mailing = () => import('./email.ts');

/** Makes one per-edition file, through the artifact cache. */
export type Renderer = (edition: Edition) => Promise<Uint8Array | string>;
/** One renderer for each of the names `N`: no more, no fewer. */
export type Renderers<N extends string> = { readonly [K in N]: Renderer };

/** `/social.png`: the site's own link-preview image, for pages that are not an edition. */
export function siteSocialImage(): Promise<Uint8Array<ArrayBuffer>> {
  const site = getSite();
  return cachedBytes('site.png', { site }, async () => (await drawing()).socialImagePng(undefined, site));
}

/** `/editions/<n>/social.png`. */
export function editionSocialImage(edition: Edition): Promise<Uint8Array<ArrayBuffer>> {
  const site = getSite();
  return cachedBytes('social.png', editionInput(edition, site), async () =>
    (await drawing()).socialImagePng(edition, site),
  );
}

/** `/editions/<n>/email.html`. */
export function editionEmailHtml(edition: Edition): Promise<string> {
  const site = getSite();
  return cachedText('email.html', editionInput(edition, site), async () => (await mailing()).emailHtml(edition, site));
}

/** `/editions/<n>/email.txt`. */
export function editionEmailText(edition: Edition): Promise<string> {
  const site = getSite();
  return cachedText('email.txt', editionInput(edition, site), async () => (await mailing()).emailText(edition, site));
}

/** The renderer of each artifact row of the table of outputs. */
export const ARTIFACT_RENDERERS = {
  'social.png': editionSocialImage,
  'email.html': editionEmailHtml,
  'email.txt': editionEmailText,
} as const satisfies Renderers<ArtifactName>;

/**
 * Makes (or finds in the cache) the files of one edition. A file that
 * cannot be made is a problem naming the edition and the file
 * (`<file>  email.txt: could not be made: …`); the others are still made.
 */
export async function prepareEditionArtifacts<N extends string = ArtifactName>(
  edition: Edition,
  renderers: Renderers<N> = ARTIFACT_RENDERERS as unknown as Renderers<N>,
): Promise<Problem[]> {
  return (await renderAll(edition, renderers)).flatMap(({ name, outcome }) =>
    outcome.status === 'rejected'
      ? [artifactProblem(edition.file, name, `could not be made: ${errorMessage(outcome.reason)}`)]
      : [],
  );
}

/**
 * The files of one edition as bytes, for a build whose artifact cache could
 * not keep them (full, read-only, or damaged since); a file that cannot be
 * made is left out.
 */
export async function editionArtifactBytes<N extends string = ArtifactName>(
  edition: Edition,
  renderers: Renderers<N> = ARTIFACT_RENDERERS as unknown as Renderers<N>,
): Promise<MadeFiles> {
  const made = await renderAll(edition, renderers);
  return Object.fromEntries(
    made.flatMap(({ name, outcome }) =>
      outcome.status === 'fulfilled'
        ? [[name, typeof outcome.value === 'string' ? Buffer.from(outcome.value) : outcome.value]]
        : [],
    ),
  );
}

/** Runs every renderer on one edition; one that throws leaves the others be. */
async function renderAll<N extends string>(edition: Edition, renderers: Renderers<N>) {
  const rows = Object.entries<Renderer>(renderers);
  const settled = await Promise.allSettled(rows.map(([, make]) => make(edition)));
  return settled.map((outcome, i) => ({ name: rows[i]![0], outcome }));
}
