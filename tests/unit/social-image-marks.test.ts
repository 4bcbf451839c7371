/** Hostile titles stay inside the link-preview image: stacked combining marks, a word longer than a line. */
import { describe, expect, it } from 'vitest';
import { SOCIAL_IMAGE, socialImageSvg } from '../../src/render/social-image.ts';
import type { Edition } from '../../src/schemas/edition-model.ts';
import { TEST_SITE as SITE } from '../support/site.ts';

function edition(headline: string | null, titles: string[] = []): Edition {
  return {
    number: 12,
    file: 'content/editions/2026-03-22-edition-12.md',
    date: '2026-03-22T12:14:00-04:00',
    hasTime: true,
    headline,
    description: '',
    draft: false,
    introHtml: '',
    sections: titles.map((title, i) => ({ id: `s${i}`, title, excerpt: '', html: '', threads: [], topics: [] })),
    threads: [],
  };
}

/** The box every outline the SVG draws lies in: the extremes of its move and line points. */
async function inkBox(ed: Edition) {
  const svg = await socialImageSvg(ed, SITE, () => {});
  const points = [...svg.matchAll(/ d="([^"]+)"/g)].flatMap((m) =>
    [...m[1]!.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])] as const),
  );
  expect(points.length).toBeGreaterThan(100);
  return {
    right: Math.max(...points.map(([x]) => x)),
    bottom: Math.max(...points.map(([, y]) => y)),
  };
}

const HOSTILE: [string, string][] = [
  ['a letter under 300 stacked marks', `Z${'\u0301\u0316\u0337'.repeat(100)}algo`],
  ['80 letters with three marks each', 'a\u0301\u0316\u0337'.repeat(80)],
  ['a title of marks alone', '\u0301'.repeat(400)],
  ['one word longer than the line', 'a'.repeat(80)],
];
// The image's 72 px side padding: no outline may pass it.
const RIGHT = SOCIAL_IMAGE.width - 72;

describe('the social image keeps a hostile title inside it', () => {
  it.each(HOSTILE)('as the headline: %s', async (_, title) => {
    const box = await inkBox(edition(title));
    expect(box.right).toBeLessThanOrEqual(RIGHT);
    expect(box.bottom).toBeLessThanOrEqual(SOCIAL_IMAGE.height);
  });

  it.each(HOSTILE)('as a story title: %s', async (_, title) => {
    const box = await inkBox(edition(null, [title, 'A second story']));
    expect(box.right).toBeLessThanOrEqual(RIGHT);
    expect(box.bottom).toBeLessThanOrEqual(SOCIAL_IMAGE.height);
  });
});
