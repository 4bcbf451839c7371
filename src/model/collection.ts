/** The one door from pages to the collections: editions and topics as the model has them. */
import { getCollection } from 'astro:content';
import { liveContent } from '../loader/dev-live.ts';
import { withBody } from '../loader/edition-bodies.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { newestFirst } from './editions.ts';
import { buildTopics, type Topic } from './topics.ts';

/** Every edition this build shows (the loader already left out drafts and scheduled ones in production), newest first. */
export async function getEditions(): Promise<Edition[]> {
  // `npm run dev`: the loader's last sync, before Astro's store has saved it (see `dev-live.ts`).
  const live = import.meta.env.DEV ? liveContent() : undefined;
  if (live) return newestFirst(live.editions);
  return newestFirst((await getCollection('editions')).map((entry) => withBody(entry.data)));
}

/** `getStaticPaths` for a file per edition under `/editions/<n>/`: the edition as a prop. */
export async function editionPaths(): Promise<{ params: { edition: string }; props: { edition: Edition } }[]> {
  return (await getEditions()).map((edition) => ({ params: { edition: String(edition.number) }, props: { edition } }));
}

/** Every topic the shown editions use, with its sections oldest first. */
export async function getTopics(): Promise<Topic[]> {
  const entries = await getCollection('topics');
  return buildTopics(await getEditions(), Object.fromEntries(entries.map((entry) => [entry.id, entry.data])));
}
