import { groupByFile } from '../diagnostics/problem.ts';
import { EDITIONS_DIR, loadEditions, type LoadOptions, type LoadResult } from './load-editions.ts';
import {
  loadTopicsWithin,
  topicsFileFor,
  unusedTopicProblems,
  usedTopicSlugs,
  type TopicsResult,
} from './load-topics.ts';
import { nearMissProblem, nearMissTopics } from './topic-uses.ts';

/**
 * Everything under `content/`: every edition, and the topics file beside the
 * editions folder, with the problems of both in one list, each file's cause
 * first. What the build and the checker both run, so they report the same lines.
 */
export async function loadContent(options: LoadOptions): Promise<LoadResult> {
  const result = await loadEditions(options);
  const topics = await loadTopicsWithin(options.root, topicsFileFor(options.dir ?? EDITIONS_DIR));
  const withTopics = (loaded: LoadResult, whole: boolean): LoadResult => ({
    ...loaded,
    problems: groupByFile([...loaded.problems, ...topics.problems, ...topicProblems(loaded, topics, whole)]),
  });
  if (!result.partial) return withTopics(result, true);
  const rest = result.rest?.then((whole) => withTopics(whole, true));
  return { ...withTopics(result, false), ...(rest ? { rest } : {}) };
}

/**
 * The rules between the editions and topics.yaml: a slug close to a defined
 * one is a warning on the edition's line, and an entry no edition names
 * (failed editions included) is a warning on its own line, unless a near
 * miss names it or a failed edition's topics could not be read.
 */
function topicProblems(loaded: LoadResult, topics: TopicsResult, whole: boolean) {
  const uses = loaded.topicUses ?? [];
  const near = nearMissTopics(uses, Object.keys(topics.topics));
  // "No section uses this topic" means nothing when no edition file could be read at all, or only some were.
  if (!whole || loaded.files === 0 || loaded.topicsUnknown) return near.map(nearMissProblem);
  const used = new Set([...usedTopicSlugs(loaded.editions), ...uses.map((u) => u.slug), ...near.map((n) => n.meant)]);
  return [...near.map(nearMissProblem), ...unusedTopicProblems(topics, used)];
}
