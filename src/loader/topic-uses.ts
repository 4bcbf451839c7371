/**
 * Where each edition names its topics (`sections.<id>.topics[i]`), read
 * from the front matter as written, so the rules across files can use an
 * edition that failed too: its topics are not reported unused elsewhere,
 * and a slug close to a defined one is a warning on the edition's line.
 */
import { fieldPath, problem, type Locate, type Problem } from '../diagnostics/problem.ts';
import { topicSlugSchema } from '../schemas/section.ts';
import { closest } from '../rules/typos.ts';

/** One topic slug named by one section. */
export interface TopicUse {
  slug: string;
  /** `sections.story.topics[0]`. */
  field: string;
  line?: number | undefined;
}

/** A topic use in a file of the folder. */
export interface FileTopicUse extends TopicUse {
  file: string;
}

/** Every string under `sections.<id>.topics` of front matter as written (valid or not). */
export function topicUsesOf(data: unknown, locate: Locate): TopicUse[] {
  const sections = (data as { sections?: unknown } | null)?.sections;
  if (!sections || typeof sections !== 'object' || Array.isArray(sections)) return [];
  return Object.entries(sections).flatMap(([id, section]) => {
    const topics = (section as { topics?: unknown } | null)?.topics;
    if (!Array.isArray(topics)) return [];
    return topics.flatMap((slug: unknown, i) => {
      if (typeof slug !== 'string') return [];
      const path = ['sections', id, 'topics', i];
      return [{ slug, field: fieldPath(path), line: locate(path) }];
    });
  });
}

/**
 * A slug that `topics.yaml` does not define but that is one letter (two, in a
 * long slug) from one it does: a warning on the edition's line with the slug
 * it was probably meant to be. Other undefined slugs are new topics, and fine.
 */
export function nearMissTopics(uses: readonly FileTopicUse[], defined: readonly string[]): NearMiss[] {
  const known = new Set(defined);
  return uses.flatMap((use) => {
    if (known.has(use.slug) || !topicSlugSchema.safeParse(use.slug).success) return [];
    const meant = closest(use.slug, defined, use.slug.length >= 8 ? 2 : 1);
    return meant ? [{ use, meant }] : [];
  });
}

/** A slug used that is close to a defined one. */
export interface NearMiss {
  use: FileTopicUse;
  /** The defined slug it was probably meant to be. */
  meant: string;
}

/** The warning for a near miss, on the edition's line. */
export function nearMissProblem({ use, meant }: NearMiss): Problem {
  return problem(
    use.file,
    use.line,
    use.field,
    `"${use.slug}" is not in topics.yaml but "${meant}" is; did you mean "${meant}"? (a new topic needs no entry)`,
    'warning',
  );
}
