import { defineCollection } from 'astro:content';
import { editionLoader } from './loader/editions-loader.ts';
import { topicsLoader } from './loader/topics-loader.ts';
import { buildNow, visibleEditions } from './model/editions.ts';
import { prepareAllArtifacts } from './render/artifact-processes.ts';

/**
 * The newsletter's collections, wiring only: editions, read, validated and
 * rendered by our own loader (no Astro Markdown engine involved), of which a
 * production build keeps the published ones (no drafts, nothing scheduled)
 * and `dev` all, with each edition's social image and emails made by the
 * render layer once they are loaded; and the topics of `topics.yaml`.
 */
export const collections = {
  editions: defineCollection({
    loader: editionLoader({
      publish: (editions, dev) => visibleEditions(editions, { production: !dev, now: buildNow() }),
      prepare: prepareAllArtifacts,
    }),
  }),
  topics: defineCollection({ loader: topicsLoader() }),
};
