/** Pure questions about editions: which are published, their order, neighbours and years. */
import type { EditionSummary } from '../schemas/edition-model.ts';
import { sayFor } from '../i18n/say.ts';
import { yearOf } from '../rules/dates.ts';
import { nowFrom } from '../site/environment.ts';

/** Why an edition is left out of a production build, or null when it is published. */
export function unpublishedReason(edition: EditionSummary, now: Date): 'draft' | 'scheduled' | null {
  if (edition.draft) return 'draft';
  if (Date.parse(edition.date) > now.getTime()) return 'scheduled';
  return null;
}

/** Editions newest first (highest number first): the one order of lists, feeds and the archive. */
export function newestFirst<E extends { number: number }>(editions: readonly E[]): E[] {
  return [...editions].sort((a, b) => b.number - a.number);
}

/**
 * The editions a build shows, newest first. A production build leaves out
 * drafts and editions dated after `now`; `dev` shows them all.
 */
export function visibleEditions<E extends EditionSummary>(
  editions: readonly E[],
  options: { production: boolean; now: Date },
): E[] {
  return newestFirst(
    options.production ? editions.filter((e) => unpublishedReason(e, options.now) === null) : editions,
  );
}

/** The editions either side of one, in a newest-first list. */
export function neighbours<E extends EditionSummary>(editions: readonly E[], number: number): { newer?: E; older?: E } {
  const i = editions.findIndex((e) => e.number === number);
  if (i === -1) return {};
  const out: { newer?: E; older?: E } = {};
  const newer = editions[i - 1];
  const older = editions[i + 1];
  if (newer) out.newer = newer;
  if (older) out.older = older;
  return out;
}

/** Newest-first editions grouped by year in the site's time zone, newest year first. */
export function groupByYear<E extends EditionSummary>(
  editions: readonly E[],
  timeZone: string,
): { year: number; editions: E[] }[] {
  const groups = new Map<number, E[]>();
  for (const e of editions) {
    const year = yearOf(e.date, timeZone);
    const group = groups.get(year);
    if (group) group.push(e);
    else groups.set(year, [e]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, editions: list }));
}

/** How many editions must open with one sentence before the archive treats it as boilerplate. */
const BOILERPLATE_EDITIONS = 3;

/** A description's first sentence, for telling boilerplate ("Hello and welcome to another issue of …"). */
function openingOf(description: string): string {
  return (/^.*?[.!?…。！？](?=\s|$)/su.exec(description)?.[0] ?? description).trim().toLowerCase();
}

/**
 * The description each edition shows in the archive: a description taken
 * from the intro whose first sentence opens three editions or more says
 * nothing there, so it is left out (null). A description the front matter
 * gives is always shown. The edition's own page, feeds and email keep it.
 */
export function archiveDescriptions(editions: readonly EditionSummary[]): Map<number, string | null> {
  const counts = new Map<string, number>();
  for (const e of editions)
    if (!e.descriptionGiven) counts.set(openingOf(e.description), (counts.get(openingOf(e.description)) ?? 0) + 1);
  return new Map(
    editions.map((e) => {
      const boilerplate = !e.descriptionGiven && (counts.get(openingOf(e.description)) ?? 0) >= BOILERPLATE_EDITIONS;
      return [e.number, boilerplate || !e.description ? null : e.description];
    }),
  );
}

/** From how many editions the archive is a compact list, a line per edition, with a jump list of years. */
export const COMPACT_ARCHIVE_FROM = 100;

/** The title an edition page shows: its headline, or "<newsletter> — Edition N" in the site's language. */
export function editionTitle(edition: EditionSummary, newsletter: string, lang = 'en'): string {
  return edition.headline ?? sayFor(lang)('editionTitle', { name: newsletter, n: edition.number });
}

/**
 * "now" for deciding what is scheduled: `BUILD_DATE` or `SOURCE_DATE_EPOCH`
 * when set, else the clock; an unusable value throws an `EnvironmentError`
 * (see `environment.ts`).
 */
export function buildNow(env: Record<string, string | undefined> = process.env): Date {
  return nowFrom(env);
}
