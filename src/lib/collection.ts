/** The one door from pages to the `editions` collection. */
import { getCollection } from 'astro:content';
import type { Edition } from '../schemas/edition-model.ts';

/** Every edition this build shows (the loader already left out drafts and scheduled ones in production), newest first. */
export async function getEditions(): Promise<Edition[]> {
  const entries = await getCollection('editions');
  return entries.map((entry) => entry.data).sort((a, b) => b.number - a.number);
}
