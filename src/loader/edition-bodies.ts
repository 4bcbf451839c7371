/**
 * The HTML of each edition's intro and sections, kept out of Astro's data
 * store. Astro serializes the whole store into one JSON file, writes it
 * after every change in `npm run dev` (after a 500 ms pause) and inlines it
 * in the build's page bundle: with every edition's HTML that was 26 MB at
 * 1,000 editions, rewritten on every save and parsed by the bundler on every
 * build (2 GB for the build process at 3,000 editions). The collection keeps
 * each edition without its HTML and a hash of it (`body`); the HTML stays in
 * this process's memory, where the loader left it, and the model puts it
 * back (`withBody`).
 *
 * The loader and the pages run in one process but in different module
 * graphs, so the HTML is kept on `globalThis`. Every body a `dev` session
 * has loaded stays (so a page rendered from the store before its save
 * lands still finds its own); a build loads once.
 */
import { createHash } from 'node:crypto';
import type { Edition, StoredEdition } from '../schemas/edition-model.ts';

interface Body {
  introHtml: string;
  sectionsHtml: string[];
}

const BODIES = Symbol.for('newsletter.edition-bodies');
const slot = globalThis as { [BODIES]?: Map<string, Body> };
const bodies = (slot[BODIES] ??= new Map());

/** The edition as the collection stores it; its HTML is kept here until `withBody` asks for it. */
export function storedEdition(edition: Edition): StoredEdition {
  const body: Body = { introHtml: edition.introHtml, sectionsHtml: edition.sections.map((s) => s.html) };
  const key = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  bodies.set(key, body);
  return { ...edition, introHtml: '', sections: edition.sections.map((s) => ({ ...s, html: '' })), body: key };
}

/** The whole edition again, HTML included. */
export function withBody(stored: StoredEdition): Edition {
  const body = bodies.get(stored.body);
  if (!body) {
    throw new Error(
      `the content of edition ${stored.number} (${stored.file}) was not loaded in this process; this is a bug in the site generator, please report it`,
    );
  }
  const edition: Edition & { body?: string } = {
    ...stored,
    introHtml: body.introHtml,
    sections: stored.sections.map((s, i) => ({ ...s, html: body.sectionsHtml[i] ?? '' })),
  };
  delete edition.body;
  return edition;
}
