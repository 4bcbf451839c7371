/**
 * The files made per edition besides its page — link-preview image, HTML and
 * text email — and the site's own image, through the artifact cache, with
 * one cache key each, whether `dev`'s endpoints ask for them or the build's
 * child processes make them in advance. Never loaded by the content loader:
 * a module it loads late would find Astro's module loader gone.
 */
import type { Problem } from '../diagnostics/problem.ts';
import { artifactProblem } from './edition-files.ts';
import { getSite } from '../site/settings.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { errorMessage } from '../processes/child-protocol.ts';
import { cachedBytes, cachedText, editionInput } from './artifact-cache.ts';

// What draws images and writes emails (satori, resvg) is loaded on a cache miss only, so a
// build whose files are all cached never loads it.
const drawing = () => import('./social-image.ts');
const mailing = () => import('./email.ts');

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

const ARTIFACTS = [
  ['social.png', editionSocialImage],
  ['email.html', editionEmailHtml],
  ['email.txt', editionEmailText],
] as const;

/**
 * Makes (or finds in the cache) the three files of one edition. A file that
 * cannot be made is a problem naming the edition and the file
 * (`<file>  email.txt: could not be made: …`); the others are still made.
 */
export async function prepareEditionArtifacts(edition: Edition): Promise<Problem[]> {
  const settled = await Promise.allSettled(ARTIFACTS.map(([, make]) => make(edition)));
  return settled.flatMap((outcome, i) =>
    outcome.status === 'rejected'
      ? [artifactProblem(edition.file, ARTIFACTS[i]![0], `could not be made: ${errorMessage(outcome.reason)}`)]
      : [],
  );
}
