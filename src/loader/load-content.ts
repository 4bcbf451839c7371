import { sortProblems } from '../diagnostics/problem.ts';
import { EDITIONS_DIR, loadEditions, type LoadOptions, type LoadResult } from './load-editions.ts';
import { loadTopics, topicsFileFor, unusedTopicProblems, usedTopicSlugs } from './load-topics.ts';

/**
 * Everything under `content/`: every edition, and the topics file beside the
 * editions folder, with the problems of both in one sorted list. What the
 * build and the checker both run, so they report the same lines.
 */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const result = await loadEditions(options);
  const topics = loadTopics(options.root, topicsFileFor(options.dir ?? EDITIONS_DIR));
  // "No section uses this topic" means nothing when no edition file could be read at all.
  const unused = result.files > 0 ? unusedTopicProblems(topics, usedTopicSlugs(result.editions)) : [];
  const problems = [...result.problems, ...topics.problems, ...unused];
  return { ...result, problems: sortProblems(problems) };
}
