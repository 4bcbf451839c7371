/**
 * The artifact cache: each edition's social image and emails, and the
 * site's own image, kept between builds (a named cache, `src/cache/`).
 */
import { defineCache } from '../cache/named-cache.ts';
import { sourceVersion } from '../cache/source-version.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { getSite } from '../site/settings.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { ARTIFACT_NAMES, type ArtifactName } from '../site/edition-outputs.ts';
import { editionHash } from '../loader/loaded-editions.ts';

/** The module whose imports decide how images and emails are made. */
export const ARTIFACTS_ENTRY = 'src/render/artifacts.ts';

/**
 * Files derived from an edition (its link-preview PNG, its emails), keyed by
 * their name and everything they are made from: the input (the parts of the
 * edition model and settings they use) and the code that makes them, so a
 * rebuild after a one-file edit remakes only that edition's files.
 */
export const ARTIFACTS = defineCache({ name: 'artifacts', version: (root) => sourceVersion(root, ARTIFACTS_ENTRY) });

/** The key of an artifact of `kind` made from `input`. */
function artifactKey(kind: string, input: unknown, root: string): string {
  return ARTIFACTS.at(root).key(kind, JSON.stringify(input));
}

async function cached<T extends string | Uint8Array>(
  kind: string,
  input: unknown,
  root: string,
  make: () => Promise<T>,
): Promise<T | Buffer> {
  const store = ARTIFACTS.at(root);
  const key = artifactKey(kind, input, root);
  const hit = store.get(key);
  if (hit) return hit;
  const made = await make();
  store.set(key, typeof made === 'string' ? Buffer.from(made) : made);
  return made;
}

/** An artifact's bytes from the cache, made by `make` on a miss. */
export async function cachedBytes(
  kind: string,
  input: unknown,
  make: () => Promise<Uint8Array>,
  root = process.cwd(),
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await cached(kind, input, root, make));
}

/** Text twin of `cachedBytes` (email HTML and text). */
export async function cachedText(
  kind: string,
  input: unknown,
  make: () => string | Promise<string>,
  root = process.cwd(),
): Promise<string> {
  const value = await cached(kind, input, root, async () => make());
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** What an edition's files are made from: the edition (by its hash) and the settings. */
export function editionInput(edition: EditionSummary, site: SiteSettings): { edition: string; site: SiteSettings } {
  return { edition: editionHash(edition), site };
}

/** One of an edition's files and its key in the artifact cache. */
export interface ArtifactFile<N extends string = ArtifactName> {
  name: N;
  key: string;
}

/**
 * The cache keys of an edition's files (`names`: the artifact rows of the
 * table of outputs), which the functions of `artifacts.ts` read and write,
 * found without loading them.
 */
export function editionArtifactFiles<N extends string = ArtifactName>(
  edition: EditionSummary,
  root = process.cwd(),
  names: readonly N[] = ARTIFACT_NAMES as unknown as N[],
): ArtifactFile<N>[] {
  const input = editionInput(edition, getSite());
  return names.map((name) => ({ name, key: artifactKey(name, input, root) }));
}
