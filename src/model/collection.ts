/** The one door from pages to the collections: editions and topics as the model has them. */
import { getCollection } from 'astro:content';
import { liveContent } from '../loader/dev-live.ts';
import { loadedEdition } from '../loader/loaded-editions.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';
import { newestFirst } from './editions.ts';
import { buildTopics, type Topic } from './topics.ts';

// A build's collections never change while it renders: every page shares one copy of the editions
// and topics instead of making its own (each copy is garbage the size of the whole corpus).
let built: { editions: Promise<EditionSummary[]>; topics?: Promise<Topic[]> } | undefined;

async function loadEditions(): Promise<EditionSummary[]> {
  return newestFirst((await getCollection('editions')).map((entry) => loadedEdition(entry.data)));
}

async function loadTopics(editions: readonly EditionSummary[]): Promise<Topic[]> {
  const entries = await getCollection('topics');
  return buildTopics(editions, Object.fromEntries(entries.map((entry) => [entry.id, entry.data])));
}

/**
 * Every edition this build shows (the loader already left out drafts and
 * scheduled ones in production), newest first, without their HTML in a build:
 * `wholeEdition` (`loader/loaded-editions.ts`) gives an edition's text where a
 * page shows it. `dev` hands over the whole editions.
 */
export async function getEditions(): Promise<EditionSummary[]> {
  if (import.meta.env.DEV) {
    // `npm run dev`: the loader's last sync, before Astro's store has saved it (see `dev-live.ts`).
    const live = liveContent();
    return live ? newestFirst(live.editions) : loadEditions();
  }
  built ??= { editions: loadEditions() };
  return [...(await built.editions)];
}

/** `getStaticPaths` for a file per edition under `/editions/<n>/`: the edition as a prop. */
export async function editionPaths(): Promise<{ params: { edition: string }; props: { edition: EditionSummary } }[]> {
  return (await getEditions()).map((edition) => ({ params: { edition: String(edition.number) }, props: { edition } }));
}

/** Every topic the shown editions use, with its sections oldest first. */
export async function getTopics(): Promise<Topic[]> {
  if (import.meta.env.DEV) return loadTopics(await getEditions());
  built ??= { editions: loadEditions() };
  built.topics ??= built.editions.then(loadTopics);
  return [...(await built.topics)];
}
