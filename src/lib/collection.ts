/** The one door from pages to the `editions` collection. */
import { getCollection } from 'astro:content';
import type { Edition } from '../schemas/edition-model.ts';
import { editionsDir } from '../loader/astro-loader.ts';
import { loadTopics, topicsFileFor } from '../loader/load-topics.ts';
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
  // Read here rather than through a collection: the editions loader has already checked the file.
  const { topics } = loadTopics(process.cwd(), topicsFileFor(editionsDir()));
  return buildTopics(await getEditions(), topics);
}
