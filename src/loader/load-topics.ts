import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { problem, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { topicSchema, topicsFileSchema, type TopicData } from '../schemas/topic.ts';
import { reservedKeyProblems, yamlData, yamlLocator } from './yaml.ts';
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
  const path = join(root, file);
  if (!existsSync(path)) return { ...empty, problems: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const message = `cannot be read (${fsReason(error)}); expected a YAML file of topic names and descriptions`;
    return { ...empty, problems: [problem(file, undefined, 'topics', message)] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true });
  if (doc.errors.length) return { ...empty, problems: yamlProblems(doc, lineCounter, file, 'topics') };
  const reserved = reservedKeyProblems(doc, lineCounter, file);
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
  const lines = Object.fromEntries(Object.keys(topics).map((slug) => [slug, locate([slug], { key: true })]));
  return { topics, lines, file, problems: [] };
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
