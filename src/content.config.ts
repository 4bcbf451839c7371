import { defineCollection } from 'astro:content';
import { editionLoader } from './loader/astro-loader.ts';
import { ProblemChannel, problemsLoader } from './loader/problems-loader.ts';

const problems = new ProblemChannel();

/**
 * The newsletter's editions: read, validated and rendered by our own loader
 * (no Astro Markdown engine involved); and, in `npm run dev` only, the files
 * with errors, filled by the same sync, so pages can show them.
 */
export const collections = {
  editions: defineCollection({ loader: editionLoader({ problems }) }),
  problems: defineCollection({ loader: problemsLoader(problems) }),
};
