/**
 * The editions themselves, kept out of Astro's data store. Astro serializes
 * the whole store into one file, writes it after every change in
 * `npm run dev` (after a pause) and inlines it in the build's page bundle,
 * where the bundler parses it: with the editions in it, the store grows with
 * the corpus and so does the build's memory while Vite bundles it, HTML left
 * out or not (figures in `bench/RESULTS.md`). So the collection holds only each
 * edition's number and a hash of the whole edition (`key`); the editions
 * stay in this process's memory, where the loader left them, and the model
 * takes them from here (`loadedEdition`).
 *
 * The loader and the pages run in one process but in different module
 * graphs, so the editions are a hand-off (`src/handoffs.ts`). Every edition a `dev`
 * session has loaded stays (so a page rendered from the store before its
 * save lands still finds its own); a build loads once.
 */
import { createHash } from 'node:crypto';
import { shared } from '../handoffs.ts';
import type { Edition, StoredEdition } from '../schemas/edition-model.ts';

const loaded = shared('loaded-editions', () => new Map());

const hashes = new WeakMap<Edition, string>();

/** A hash of everything in an edition, worked out once per edition (the artifact cache keys on it too). */
export function editionHash(edition: Edition): string {
  let hash = hashes.get(edition);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(edition)).digest('hex');
    hashes.set(edition, hash);
  }
  return hash;
}

/** The edition as the collection stores it: its number and the key it is kept under here. */
export function storedEdition(edition: Edition): StoredEdition {
  const key = editionHash(edition);
  loaded.set(key, edition);
  return { number: edition.number, key };
}

/** The whole edition the collection's entry stands for. */
export function loadedEdition(stored: StoredEdition): Edition {
  const edition = loaded.get(stored.key);
  if (!edition) {
    throw new Error(
      `edition ${stored.number} was not loaded in this process; this is a bug in the site generator, please report it`,
    );
  }
  return edition;
}
