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
  const withTopics = (loaded: LoadResult, whole: boolean): LoadResult => {
    // "No section uses this topic" means nothing when no edition file could be read at all, or only some were.
    const unused = whole && loaded.files > 0 ? unusedTopicProblems(topics, usedTopicSlugs(loaded.editions)) : [];
    return { ...loaded, problems: sortProblems([...loaded.problems, ...topics.problems, ...unused]) };
  };
  if (!result.partial) return withTopics(result, true);
  const rest = result.rest?.then((whole) => withTopics(whole, true));
  return { ...withTopics(result, false), ...(rest ? { rest } : {}) };
}
