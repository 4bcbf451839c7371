/** The one door from pages to the `editions` collection. */
import { getCollection } from 'astro:content';
import type { Edition } from '../schemas/edition-model.ts';
import { buildTopics, type Topic } from './topics.ts';

/** Every edition this build shows (the loader already left out drafts and scheduled ones in production), newest first. */
export async function getEditions(): Promise<Edition[]> {
  const entries = await getCollection('editions');
  return entries.map((entry) => entry.data).sort((a, b) => b.number - a.number);
}

/** `getStaticPaths` for a file per edition under `/editions/<n>/`: the edition as a prop. */
export async function editionPaths(): Promise<{ params: { edition: string }; props: { edition: Edition } }[]> {
  return (await getEditions()).map((edition) => ({ params: { edition: String(edition.number) }, props: { edition } }));
}

/** Every topic the shown editions use, with its sections oldest first. */
export async function getTopics(): Promise<Topic[]> {
  const data = Object.fromEntries((await getCollection('topics')).map((entry) => [entry.id, entry.data]));
  return buildTopics(await getEditions(), data);
}
