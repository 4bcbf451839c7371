import { defineCollection } from 'astro:content';
import { editionLoader } from './loader/astro-loader.ts';

/** The newsletter's editions: read, validated and rendered by our own loader (no Astro Markdown engine involved). */
export const collections = {
  editions: defineCollection({ loader: editionLoader() }),
};
