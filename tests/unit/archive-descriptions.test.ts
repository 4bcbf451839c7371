import { describe, expect, it } from 'vitest';
import { archiveDescriptions } from '../../src/model/editions.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';

function edition(number: number, description: string, descriptionGiven = false): Edition {
  return {
    number,
    file: `content/editions/${number}.md`,
    date: '2026-01-05T00:00:00-05:00',
    hasTime: false,
    headline: null,
    description,
    descriptionGiven,
    draft: false,
    introHtml: '',
    sections: [],
    threads: [],
    redirectFrom: [],
  };
}

describe('descriptions on the archive page', () => {
  it('leaves out a derived description whose first sentence opens three editions or more', () => {
    const hello = (n: number) => `Hello and welcome to another issue of TWiR. This week ${n} things.`;
    const shown = archiveDescriptions([
      edition(1, hello(1)),
      edition(2, hello(2)),
      edition(3, hello(3)),
      edition(4, hello(4), true),
      edition(5, 'Rust 1.40 is out. And more.'),
      edition(6, ''),
    ]);
    expect([...shown]).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, hello(4)],
      [5, 'Rust 1.40 is out. And more.'],
      [6, null],
    ]);
  });

  it('keeps a derived description that two editions happen to share the opening of', () => {
    const shown = archiveDescriptions([edition(1, 'Short week. A.'), edition(2, 'Short week. B.')]);
    expect([...shown.values()]).toEqual(['Short week. A.', 'Short week. B.']);
  });
});
