/**
 * The files made per edition besides its page — link-preview image, HTML and
 * text email — through the artifact cache, with one cache key each, whether
 * Astro's endpoints ask for them or the build prepares them in advance.
 */
import { emailHtml, emailText } from './email.ts';
import type { Problem } from '../diagnostics/problem.ts';
import { getSite } from '../site/settings.ts';
import { socialImagePng } from './social-image.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { errorMessage } from '../processes/child-protocol.ts';
import { artifactPath, cachedBytes, cachedText } from './artifact-cache.ts';

/** `/editions/<n>/social.png`. */
export function editionSocialImage(edition: Edition): Promise<Uint8Array<ArrayBuffer>> {
  const site = getSite();
  return cachedBytes('social.png', { edition, site }, () => socialImagePng(edition, site));
}

/** `/editions/<n>/email.html`. */
export function editionEmailHtml(edition: Edition): Promise<string> {
  const site = getSite();
  return cachedText('email.html', { edition, site }, () => emailHtml(edition, site));
}

/** `/editions/<n>/email.txt`. */
export function editionEmailText(edition: Edition): Promise<string> {
  const site = getSite();
  return cachedText('email.txt', { edition, site }, () => emailText(edition, site));
}

/** The names of an edition's files besides its page, in its folder `/editions/<n>/`. */
export const ARTIFACT_NAMES = ['social.png', 'email.html', 'email.txt'] as const;

/** One of an edition's files and where the artifact cache keeps it. */
export interface ArtifactFile {
  name: (typeof ARTIFACT_NAMES)[number];
  entry: string;
}

/** Where the artifact cache keeps each of an edition's files (the same entries the functions above read and write). */
export function editionArtifactFiles(edition: Edition, root = process.cwd()): ArtifactFile[] {
  const input = { edition, site: getSite() };
  const json = JSON.stringify(input);
  return ARTIFACT_NAMES.map((name) => ({ name, entry: artifactPath(name, input, root, json) }));
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
      ? [
          {
            file: edition.file,
            field: ARTIFACTS[i]![0],
            message: `could not be made: ${errorMessage(outcome.reason)}; this is a bug in the site generator, please report it`,
            severity: 'error' as const,
          },
        ]
      : [],
  );
}
