/**
 * The files made per edition besides its page — link-preview image, HTML and
 * text email — through the artifact cache, with one cache key each, whether
 * Astro's endpoints ask for them or the build prepares them in advance.
 */
import { emailHtml, emailText } from '../lib/email.ts';
import { getSite } from '../lib/site.ts';
import { socialImagePng } from '../lib/social-image.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { cachedBytes, cachedText } from './render-cache.ts';

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

/** Makes (or finds in the cache) all three files of each edition. */
export async function prepareArtifacts(editions: readonly Edition[]): Promise<void> {
  for (const edition of editions) {
    await Promise.all([editionSocialImage(edition), editionEmailHtml(edition), editionEmailText(edition)]);
  }
}
