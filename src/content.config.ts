import { defineCollection } from 'astro:content';
import { editionLoader, topicLoader } from './loader/astro-loader.ts';

/** The newsletter's editions and topics: read, validated and rendered by our own loader (no Astro Markdown engine involved). */
export const collections = {
  editions: defineCollection({ loader: editionLoader() }),
  /** Names and descriptions of topics, from `content/topics.yaml`. */
  topics: defineCollection({ loader: topicLoader() }),
};
