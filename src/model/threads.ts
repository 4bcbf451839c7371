/** The discussion threads of a section, and how one reads as a line of text. */
import type { EditionSummary, SectionSummary, Thread } from '../schemas/edition-model.ts';
import { sayFor } from '../i18n/say.ts';
import { formatDateTime } from '../rules/dates.ts';
import { figuresText } from '../rules/figures.ts';

/** The threads a section links, in order of first link, with their figures. */
export function sectionThreads(edition: EditionSummary, section: SectionSummary): Thread[] {
  const byKey = new Map(edition.threads.map((t) => [t.key, t]));
  return section.threads.flatMap((key) => byKey.get(key) ?? []);
}

/** "Hacker News · 228 points · 85 comments (as of March 22, 2026, 12:14 PM)" for feeds and email. */
export function threadLine(thread: Thread, timeZone: string, lang: string): string {
  const figures = figuresText(thread, lang);
  if (!figures) return thread.forum;
  const asOf = sayFor(lang)('asOf', { date: formatDateTime(thread.asOf, thread.asOfHasTime, timeZone, lang) });
  return `${thread.forum} · ${figures} (${asOf})`;
}
