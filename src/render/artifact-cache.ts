/**
 * The artifact cache: each edition's social image and emails, kept between
 * builds under `node_modules/.cache/newsletter/artifacts/`.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readEntry, writeEntry } from '../cache/entries.ts';
import { sourceVersion } from '../cache/source-version.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { getSite } from '../site/settings.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { editionHash } from '../loader/loaded-editions.ts';

/** The module whose imports decide how images and emails are made. */
export const ARTIFACTS_ENTRY = 'src/render/artifacts.ts';
const versions = new Map<string, string>();

/** The hash of what artifacts are made from: the input, the rendering code and packages. */
function inputHash(input: unknown, root: string): string {
  let artifactVersion = versions.get(root);
  if (artifactVersion === undefined) versions.set(root, (artifactVersion = sourceVersion(root, ARTIFACTS_ENTRY)));
  return createHash('sha256').update(artifactVersion).update(JSON.stringify(input)).digest('hex');
}

/** Where an artifact of `kind` made from an input of hash `hash` is cached. */
function entryPath(kind: string, hash: string, root: string): string {
  const key = createHash('sha256').update(kind).update(hash).digest('hex');
  return join(root, 'node_modules/.cache/newsletter/artifacts', `${kind}-${key}`);
}

/** Where an artifact of `kind` made from `input` is cached. */
function artifactPath(kind: string, input: unknown, root = process.cwd()): string {
  return entryPath(kind, inputHash(input, root), root);
}

async function cached<T extends string | Uint8Array>(file: string, make: () => Promise<T>): Promise<T | Buffer> {
  const hit = readEntry(file);
  if (hit) return hit;
  const made = await make();
  writeEntry(file, typeof made === 'string' ? Buffer.from(made) : made);
  return made;
}

/**
 * A file derived from an edition (its link-preview PNG, its email), cached
 * under `node_modules/.cache/newsletter/artifacts/` by everything it is made
 * from — `input` (the parts of the edition model and settings it uses) and
 * the site's own source code and packages — so a rebuild after a one-file
 * edit remakes only that edition's files. `make` runs on a miss.
 */
export async function cachedBytes(
  kind: string,
  input: unknown,
  make: () => Promise<Uint8Array>,
  root = process.cwd(),
): Promise<Uint8Array<ArrayBuffer>> {
  const file = artifactPath(kind, input, root);
  return new Uint8Array(await cached(file, make));
}

/** Text twin of `cachedBytes` (email HTML and text). */
export async function cachedText(
  kind: string,
  input: unknown,
  make: () => string | Promise<string>,
  root = process.cwd(),
): Promise<string> {
  const file = artifactPath(kind, input, root);
  const value = await cached(file, async () => make());
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** What an edition's files are made from: the edition (by its hash) and the settings. */
export function editionInput(edition: Edition, site: SiteSettings): { edition: string; site: SiteSettings } {
  return { edition: editionHash(edition), site };
}

/** The names of an edition's files besides its page, in its folder `/editions/<n>/`. */
export const ARTIFACT_NAMES = ['social.png', 'email.html', 'email.txt'] as const;

/** One of an edition's files and where the artifact cache keeps it. */
export interface ArtifactFile {
  name: (typeof ARTIFACT_NAMES)[number];
  entry: string;
}

/**
 * Where the artifact cache keeps each of an edition's files: the entries the
 * functions of `artifacts.ts` read and write, found without loading them.
 */
export function editionArtifactFiles(edition: Edition, root = process.cwd()): ArtifactFile[] {
  const hash = inputHash(editionInput(edition, getSite()), root);
  return ARTIFACT_NAMES.map((name) => ({ name, entry: entryPath(name, hash, root) }));
}
