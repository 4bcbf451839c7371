import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { BUG, problem, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { topicSchema, topicsFileSchema, type TopicData } from '../schemas/topic.ts';
import { MAX_FILE_BYTES, megabytes, TOPICS_BUDGET_MS } from '../rules/limits.ts';
import { runShare } from '../processes/child-protocol.ts';
import { readInputFile } from './scan-editions.ts';
import { checkUniqueKeys, commentCutProblems, reservedKeyProblems, yamlData, yamlLocator } from './yaml.ts';
import { yamlProblems } from '../diagnostics/from-yaml.ts';

/** The topics file belonging to an editions folder: `topics.yaml` beside it (`content/topics.yaml`). */
export function topicsFileFor(editionsDir: string): string {
  return join(dirname(editionsDir), 'topics.yaml');
}

/** Topic entries from the topics file, and the problems found in it. */
export interface TopicsResult {
  /** Entries by slug (an entry may be empty). */
  topics: Record<string, TopicData>;
  problems: Problem[];
  /** Line of each slug in the file, for problems found later. */
  lines: Record<string, number | undefined>;
  /** The file, relative to the root. */
  file: string;
}

/** Reads and validates the topics file. A missing file simply means no entries. */
export function loadTopics(root: string, file: string): TopicsResult {
  const empty = { topics: {}, lines: {}, file };
  const path = resolve(root, file);
  if (!existsSync(path)) return { ...empty, problems: [] };
  const expected = 'expected a YAML file of topic names and descriptions';
  // The same reader as the editions': a named pipe is never opened, a huge file never read past the limit.
  const read = readInputFile(path, MAX_FILE_BYTES);
  if (!('bytes' in read)) {
    const message =
      'size' in read
        ? `${megabytes(read.size)}; expected at most ${megabytes(MAX_FILE_BYTES)}`
        : `cannot be read (${'special' in read ? `${read.special}, not a file` : fsReason(read.error)}); ${expected}`;
    return { ...empty, problems: [problem(file, undefined, 'topics', message)] };
  }
  const text = read.bytes.toString('utf8');
  const lineCounter = new LineCounter();
  const yamlText = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false });
  checkUniqueKeys(doc);
  const syntax = yamlProblems(doc, lineCounter, file, 'topics', yamlText);
  if (syntax.length) return { ...empty, problems: syntax };
  const reserved = [
    ...reservedKeyProblems(doc, lineCounter, file),
    ...commentCutProblems(doc, lineCounter, file, yamlText),
  ];
  if (reserved.length) return { ...empty, problems: reserved };
  const locate = yamlLocator(doc, lineCounter);
  const data = yamlData(doc, file, 'topics');
  if ('problem' in data) return { ...empty, problems: [data.problem] };
  const parsed = topicsFileSchema.safeParse(data.data, { reportInput: true });
  if (!parsed.success) {
    const known = (path: readonly PropertyKey[]) => (path.length === 1 ? Object.keys(topicSchema.shape) : []);
    return { ...empty, problems: zodProblems(parsed.error, file, locate, known) };
  }
  const topics = Object.fromEntries(Object.entries(parsed.data).map(([slug, entry]) => [slug, entry ?? {}]));
  // One pass over the map's keys: looking each slug up again was quadratic (40,000 entries took minutes).
  const lines: Record<string, number | undefined> = {};
  if (isMap(doc.contents))
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (typeof key?.value === 'string' && key.value in topics && key.range)
        lines[key.value] ??= lineCounter.linePos(key.range[0]).line;
    }
  return { topics, lines, file, problems: [] };
}

/**
 * Topics files up to this size are read in this process: the slowest shapes
 * parse at about 8 µs a byte, so well under a second. Larger ones are read
 * in a child process that is stopped at the budget.
 */
const IN_PROCESS_MAX_BYTES = 64 * 1024;

/** A topics file to read in a child process. */
export interface TopicsJob {
  root: string;
  file: string;
}

/**
 * `loadTopics` within `TOPICS_BUDGET_MS`: a large file is read in a child
 * process, and one that runs over the budget is a problem line naming it.
 */
export async function loadTopicsWithin(root: string, file: string, budgetMs = TOPICS_BUDGET_MS): Promise<TopicsResult> {
  let size = 0;
  try {
    size = statSync(resolve(root, file)).size;
  } catch {
    // Missing or unreadable: loadTopics says which.
  }
  if (size <= IN_PROCESS_MAX_BYTES) return loadTopics(root, file);
  const outcome = await runShare<TopicsJob, null, TopicsResult>(
    new URL('./topics-worker.ts', import.meta.url),
    { jobs: [{ root, file }], context: null },
    { budgetMs },
  );
  const result = outcome.results.get(0);
  if (result) return result;
  const how = outcome.failed.get(0) ?? outcome.crash?.how ?? 'it stopped';
  const message = how.startsWith('it took longer')
    ? `took longer than ${budgetMs / 1000} s to read and was stopped; look for lists or maps nested very deeply, or very long ones written on one line ([…], {…})`
    : `could not be read: ${how}; ${BUG}`;
  return { topics: {}, lines: {}, file, problems: [problem(file, undefined, 'topics', message)] };
}

/** Warnings for entries no section uses: likely a typo of a slug, or a story that was renamed. */
export function unusedTopicProblems(result: TopicsResult, used: ReadonlySet<string>): Problem[] {
  return Object.keys(result.topics)
    .filter((slug) => !used.has(slug))
    .map((slug) =>
      problem(
        result.file,
        result.lines[slug],
        slug,
        `no section uses this topic; expected a slug named in some edition's sections.<id>.topics`,
        'warning',
      ),
    );
}

/** Every topic slug any of the editions names. */
export function usedTopicSlugs(editions: readonly Edition[]): Set<string> {
  return new Set(editions.flatMap((e) => e.sections.flatMap((s) => s.topics)));
}
