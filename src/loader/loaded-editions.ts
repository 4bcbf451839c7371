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
 * Here each edition is kept as its summary (everything but its HTML), which
 * the listing pages, topics and plans read, and the whole edition's JSON
 * deflated: the HTML is most of an edition, and held as JavaScript strings it
 * took about 42 KB an edition, 420 MB at 10,000 (figures in
 * `bench/RESULTS.md`). `wholeEdition` inflates it where a page, a feed, an
 * email or the search index shows the text; the JSON is the edition's own, so
 * the whole edition is the one that was loaded, key for key.
 *
 * The loader and the pages run in one process but in different module
 * graphs, so the editions are a hand-off (`src/handoffs.ts`). Every edition a `dev`
 * session has loaded stays (so a page rendered from the store before its
 * save lands still finds its own); a build loads once.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { shared, type EditionPack, type KeptEditions } from '../handoffs.ts';
import type { Edition, EditionSummary, StoredEdition } from '../schemas/edition-model.ts';

const kept: KeptEditions = shared('loaded-editions', () => ({
  byKey: new Map(),
  packs: new WeakMap(),
  hashes: new WeakMap(),
  wholePacks: new WeakMap(),
}));

const isWhole = (edition: EditionSummary | Edition): edition is Edition => 'introHtml' in edition;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A hash of everything in an edition, worked out once per edition (the artifact and page caches key on it). */
export function editionHash(edition: EditionSummary | Edition): string {
  if (!isWhole(edition)) return packOf(edition).key;
  let hash = kept.hashes.get(edition);
  if (hash === undefined) {
    hash = sha256(JSON.stringify(edition));
    kept.hashes.set(edition, hash);
  }
  return hash;
}

/** How many characters of HTML an edition has (its intro and sections), for weighing work. */
export function htmlLength(edition: EditionSummary | Edition): number {
  if (!isWhole(edition)) return packOf(edition).htmlLength;
  return edition.introHtml.length + edition.sections.reduce((sum, s) => sum + s.html.length, 0);
}

/** The edition without its HTML. */
const summaryOf = ({ introHtml: _intro, sections, ...rest }: Edition): EditionSummary => ({
  ...rest,
  sections: sections.map(({ html: _html, ...section }) => section),
});

/**
 * The edition packed, once per edition object: the compile cache keeps the
 * pack as its entry (`compile-cache.ts`), and the collection keeps the same
 * pack, so an edition is stringified, hashed and deflated once in a build.
 */
export function packEdition(edition: Edition): EditionPack {
  let pack = kept.wholePacks.get(edition);
  if (pack) return pack;
  const json = JSON.stringify(edition);
  const key = kept.hashes.get(edition) ?? sha256(json);
  kept.hashes.set(edition, key);
  // A copy of exactly its size: zlib's result is a view of a 64 KB buffer, and so was `Buffer.from`'s
  // copy of it (610 MB kept for 10,000 editions of 5 KB each).
  pack = { key, json: new Uint8Array(deflateRawSync(json, { level: 1 })), htmlLength: htmlLength(edition) };
  kept.wholePacks.set(edition, pack);
  return pack;
}

/** The whole edition of a pack read back (from the compile cache), with the pack kept for it. */
export function unpackEdition(pack: EditionPack): Edition {
  const edition = JSON.parse(inflateRawSync(pack.json).toString('utf8')) as Edition;
  kept.hashes.set(edition, pack.key);
  kept.wholePacks.set(edition, pack);
  return edition;
}

/**
 * The edition as the collection stores it: its number and the key it is kept
 * under here. A build keeps it packed; `dev` (`whole`) keeps it as it is, since
 * its pages read the whole editions of its last sync and a save should not wait.
 */
export function storedEdition(edition: Edition, whole = false): StoredEdition {
  if (whole) {
    const key = editionHash(edition);
    kept.byKey.set(key, edition);
    return { number: edition.number, key };
  }
  const pack = packEdition(edition);
  if (!kept.byKey.has(pack.key)) {
    const summary = summaryOf(edition);
    kept.packs.set(summary, pack);
    kept.byKey.set(pack.key, summary);
  }
  return { number: edition.number, key: pack.key };
}

/** The edition the collection's entry stands for, without its HTML (`wholeEdition` gives it). */
export function loadedEdition(stored: StoredEdition): EditionSummary {
  const edition = kept.byKey.get(stored.key);
  if (!edition) {
    throw new Error(
      `edition ${stored.number} was not loaded in this process; this is a bug in the site generator, please report it`,
    );
  }
  return edition;
}

function packOf(summary: EditionSummary) {
  const pack = kept.packs.get(summary);
  if (!pack) {
    throw new Error(
      `edition ${summary.number} has no HTML in this process; this is a bug in the site generator, please report it`,
    );
  }
  return pack;
}

/** The whole edition, HTML included, of a summary kept here; a whole edition is itself. */
export function wholeEdition(edition: EditionSummary | Edition): Edition {
  if (isWhole(edition)) return edition;
  // A new object each time, held by nothing here: it is garbage once its page, feed or share is done.
  return JSON.parse(inflateRawSync(packOf(edition).json).toString('utf8')) as Edition;
}
