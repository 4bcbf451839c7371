import { describe, expect, it } from 'vitest';
import { buildNow, editionTitle, groupByYear, neighbours, visibleEditions } from '../../src/model/editions.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';

function edition(number: number, date: string, extra: Partial<Edition> = {}): Edition {
  return {
    number,
    file: `content/editions/${number}.md`,
    date,
    hasTime: true,
    headline: null,
    description: '',
    descriptionGiven: false,
    draft: false,
    introHtml: '<p>Intro.</p>',
    sections: [],
    threads: [],
    redirectFrom: [],
    ...extra,
  };
}

const now = new Date('2026-03-01T00:00:00Z');
const all = [
  edition(1, '2025-12-29T00:00:00-05:00'),
  edition(2, '2026-01-05T00:00:00-05:00', { draft: true }),
  edition(3, '2026-02-01T00:00:00-05:00'),
  edition(4, '2026-04-01T00:00:00-04:00'),
];

describe('editions', () => {
  it('leaves drafts and editions dated after "now" out of a production build, newest first', () => {
    expect(visibleEditions(all, { production: true, now }).map((e) => e.number)).toEqual([3, 1]);
  });

  it('shows every edition in dev', () => {
    expect(visibleEditions(all, { production: false, now }).map((e) => e.number)).toEqual([4, 3, 2, 1]);
  });

  it('finds the older and newer neighbours among the shown editions', () => {
    const shown = visibleEditions(all, { production: true, now });
    expect(neighbours(shown, 3)).toEqual({ older: shown[1] });
    expect(neighbours(shown, 1)).toEqual({ newer: shown[0] });
  });

  it('groups by year in the site time zone, newest year first', () => {
    const groups = groupByYear(
      [edition(3, '2026-01-01T03:30:00Z'), edition(1, '2025-06-01T00:00:00Z')],
      'America/New_York',
    );
    expect(groups.map((g) => [g.year, g.editions.map((e) => e.number)])).toEqual([[2025, [3, 1]]]);
  });

  it('falls back to "<newsletter> — Edition N" without a headline', () => {
    expect(editionTitle(edition(7, '2026-01-01'), 'AI Platforms')).toBe('AI Platforms — Edition 7');
    expect(editionTitle(edition(7, '2026-01-01', { headline: 'Big week' }), 'AI Platforms')).toBe('Big week');
  });

  it('pins "now" with BUILD_DATE or SOURCE_DATE_EPOCH', () => {
    expect(buildNow({ BUILD_DATE: '2026-05-01T00:00:00Z' }).toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(buildNow({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
