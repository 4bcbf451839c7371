/** Topics: stories followed across editions, from the sections that name them. */
import type { EditionSummary, Thread } from '../schemas/edition-model.ts';
import type { TopicData } from '../schemas/topic.ts';
import { sectionThreads } from './threads.ts';

/** One section on a topic. */
export interface TopicEntry {
  edition: EditionSummary;
  sectionId: string;
  sectionTitle: string;
  excerpt: string;
  threads: Thread[];
}

/** A story followed across editions. */
export interface Topic {
  slug: string;
  name: string;
  description: string | null;
  /** Oldest first. */
  entries: TopicEntry[];
}

/** "flash-moe" → "Flash Moe": a readable name for a topic without an entry. */
export function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Every topic the given editions use, each with its sections in date order; sorted by name. */
export function buildTopics(editions: readonly EditionSummary[], data: Readonly<Record<string, TopicData>>): Topic[] {
  const bySlug = new Map<string, TopicEntry[]>();
  const oldestFirst = [...editions].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.number - b.number);
  for (const edition of oldestFirst) {
    for (const section of edition.sections) {
      for (const slug of section.topics) {
        const entry = {
          edition,
          sectionId: section.id,
          sectionTitle: section.title,
          excerpt: section.excerpt,
          threads: sectionThreads(edition, section),
        };
        const entries = bySlug.get(slug);
        if (entries) entries.push(entry);
        else bySlug.set(slug, [entry]);
      }
    }
  }
  return [...bySlug]
    .map(([slug, entries]) => ({
      slug,
      name: data[slug]?.name ?? nameFromSlug(slug),
      description: data[slug]?.description ?? null,
      entries,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The section on the same topic in the nearest earlier edition, if any (entries are oldest first: a binary search). */
export function previousOnTopic(topic: Topic, edition: EditionSummary): TopicEntry | undefined {
  const time = Date.parse(edition.date);
  const earlier = (e: TopicEntry) => {
    const t = Date.parse(e.edition.date);
    return t < time || (t === time && e.edition.number < edition.number);
  };
  let [low, high] = [0, topic.entries.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (earlier(topic.entries[middle]!)) low = middle + 1;
    else high = middle;
  }
  return topic.entries[low - 1];
}
