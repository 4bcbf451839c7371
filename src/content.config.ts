import { defineCollection } from 'astro:content';
import { editionLoader } from './loader/editions-loader.ts';
import { ProblemChannel, problemsLoader } from './loader/problems-loader.ts';
import { topicsLoader } from './loader/topics-loader.ts';
import { buildNow, visibleEditions } from './model/editions.ts';
import { leftOutLines } from './model/left-out.ts';
import { exampleSiteWarning, getSite } from './site/settings.ts';
import { startEditionFiles } from './render/artifact-processes.ts';
import { startSearchIndex } from './render/search-index.ts';

const problems = new ProblemChannel();

/**
 * The newsletter's collections, wiring only: editions, read, validated and
 * rendered by our own loader (no Astro Markdown engine involved), of which a
 * production build keeps the published ones (no drafts, nothing scheduled,
 * each left-out one named in its output) and `dev` all, with each edition's social image and emails, and the
 * search index, started by the render layer once they are loaded (the
 * edition-files and search-index integrations write them); the topics of
 * `topics.yaml`; and, in
 * `npm run dev` only, the files with errors, filled by the same sync, so
 * pages can show them.
 */
export const collections = {
  editions: defineCollection({
    loader: editionLoader({
      publish: (editions, dev) => visibleEditions(editions, { production: !dev, now: buildNow() }),
      notes: (editions) => ({
        warn: [exampleSiteWarning(getSite())].filter((line) => line !== null),
        info: leftOutLines(editions, buildNow()),
      }),
      prepare: (editions) => {
        startEditionFiles(editions);
        startSearchIndex(editions);
      },
      problems,
    }),
  }),
  topics: defineCollection({ loader: topicsLoader() }),
  problems: defineCollection({ loader: problemsLoader(problems) }),
};
