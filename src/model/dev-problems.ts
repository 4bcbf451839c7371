/**
 * The door from pages to the dev-only `problems` collection: where each
 * file's problems go in `npm run dev`. Only called when
 * `import.meta.env.DEV`; a build never reads it (and it is empty there).
 */
import { getEntry } from 'astro:content';
import { liveContent } from '../loader/dev-live.ts';
import { problemPlaces, type ProblemPlaces } from '../loader/file-problems.ts';
import { DEV_PROBLEMS_ID } from '../schemas/file-problems.ts';
import { getEditions } from './collection.ts';

/** The files with errors, split between problems pages (by edition number) and the banner. */
export async function devProblems(): Promise<ProblemPlaces> {
  const [entry, editions] = await Promise.all([getEntry('problems', DEV_PROBLEMS_ID), getEditions()]);
  const files = liveContent()?.problems ?? entry?.data.files ?? [];
  return problemPlaces(files, new Set(editions.map((edition) => edition.number)));
}
