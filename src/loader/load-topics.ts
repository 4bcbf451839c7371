import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { problem, type Problem } from '../diagnostics/problem.ts';
import { fsReason } from '../diagnostics/from-fs.ts';
import { zodProblems } from '../diagnostics/from-zod.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { topicSchema, topicsFileSchema, type TopicData } from '../schemas/topic.ts';
import { MAX_FILE_BYTES, megabytes } from '../rules/limits.ts';
import { readInputFile } from './scan-editions.ts';
import { checkUniqueKeys, reservedKeyProblems, yamlData, yamlLocator } from './yaml.ts';
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
  if (doc.errors.length) return { ...empty, problems: yamlProblems(doc, lineCounter, file, 'topics', yamlText) };
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
