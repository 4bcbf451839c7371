/** What a production build leaves out, said once per edition so an author is never left wondering. */
import type { EditionSummary } from '../schemas/edition-model.ts';
import { unpublishedReason } from './editions.ts';

/**
 * One line per draft and per scheduled edition, lowest number first:
 * "edition 3 is a draft: not published", "edition 4 is scheduled for
 * 2026-04-12T09:00:00-04:00: published by the first build after that time".
 */
export function leftOutLines(editions: readonly EditionSummary[], now: Date): string[] {
  return [...editions]
    .sort((a, b) => a.number - b.number)
    .flatMap((e) => {
      const reason = unpublishedReason(e, now);
      if (reason === 'draft') return [`edition ${e.number} is a draft: not published`];
      if (reason === 'scheduled')
        return [`edition ${e.number} is scheduled for ${e.date}: published by the first build after that time`];
      return [];
    });
}
