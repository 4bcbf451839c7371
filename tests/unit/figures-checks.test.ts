import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { bodySections } from '../../scripts/figures/body-links.ts';
import type { ThreadResult } from '../../scripts/figures/forum-apis.ts';
import { proseFigureProblems, proseFigures } from '../../scripts/figures/prose-figures.ts';
import { quoteProblems } from '../../scripts/figures/quotes.ts';

const FILE = 'content/editions/2026-04-05-edition-7.md';
const HN = (id: number) => `https://news.ycombinator.com/item?id=${id}`;
const report = (
  points: number,
  comments: number,
  commenters: string[],
  partial: string | null = null,
): ThreadResult => ({
  ok: true,
  report: {
    points,
    comments,
    title: 't',
    article: null,
    submitter: 'op',
    commenters: new Map(commenters.map((c) => [c, 1])),
    partial,
  },
});

describe('figures in the prose', () => {
  it('reads the forms the site prints, in the site’s language', () => {
    const read = (text: string, lang = 'en') => proseFigures(text, lang).map((f) => [f.kind, f.values, f.text]);
    expect(
      read('now at 228 points and 85 comments, a 104-comment debate (5 and 18 points respectively), 1,234 points'),
    ).toEqual([
      ['points', [228], '228 points'],
      ['comments', [85], '85 comments'],
      ['comments', [104], '104-comment'],
      ['points', [5, 18], '5 and 18 points'],
      ['points', [1234], '1,234 points'],
    ]);
    expect(read('1 point, 2 pointsy, 3 commentary')).toEqual([['points', [1], '1 point']]);
    expect(read('mit 228 Punkten? Nein: 228 Punkte und 85 Kommentare, 5 und 18 Punkte', 'de')).toEqual([
      ['points', [228], '228 Punkte'],
      ['comments', [85], '85 Kommentare'],
      ['points', [5, 18], '5 und 18 Punkte'],
    ]);
    expect(read('228ポイント、コメント85件', 'ja')).toEqual([
      ['points', [228], '228ポイント'],
      ['comments', [85], 'コメント85件'],
    ]);
  });

  const body = [
    '',
    'Intro: a [104-comment debate](https://news.ycombinator.com/item?id=3).',
    '',
    '## Ads {#ads}',
    '',
    `Ads ([discussion](${HN(1)})) and Walmart ([discussion](${HN(2)})).`,
    '',
    'Both have low engagement (5 and 18 points respectively).',
    '',
    '## Flash {#flash}',
    '',
    `At 228 points and`,
    `85 comments ([discussion](${HN(4)})).`,
  ].join('\n');

  it('warns where a figure no longer matches its thread, naming the text and the new figures', () => {
    const { sections } = bodySections(body);
    const current = new Map([
      ['hn:1', { url: HN(1), points: 7, comments: 3 }],
      ['hn:2', { url: HN(2), points: 18, comments: 9 }],
      ['hn:3', { url: HN(3), points: 66, comments: 104 }],
      ['hn:4', { url: HN(4), points: 251, comments: 85 }],
    ]);
    expect(proseFigureProblems(FILE, sections, current, 'en').map(formatProblem)).toEqual([
      `${FILE}:8  section #ads: warning: "5 and 18 points" in the text, but the threads now have 7 and 18 points (${HN(1)}, ${HN(2)}); update the text if it should say so`,
      `${FILE}:12  section #flash: warning: "228 points" in the text, but the thread now has 251 points and 85 comments (${HN(4)}); update the text if it should say so`,
    ]);
  });
});

describe('who is quoted', () => {
  const body = [
    '',
    `Intro: [mkw](https://news.ycombinator.com/user?id=mkw) forked it.`,
    '',
    '## Flash {#flash}',
    '',
    `At 228 points ([discussion](${HN(4)})). [Roxxik](https://news.ycombinator.com/user?id=Roxxik) and [stri8ted](https://news.ycombinator.com/user?id=stri8ted).`,
    '',
    '## [On Lobsters](https://example.org/post) {#lobsters}',
    '',
    '[hwayne](https://lobste.rs/~hwayne) said so.',
    '',
    '## Reddit {#reddit}',
    '',
    `[r](https://www.reddit.com/r/x/comments/1abcde/t/): [Quant_Quinn](https://www.reddit.com/user/Quant_Quinn), [nobody](https://www.reddit.com/u/nobody).`,
  ].join('\n');

  it('warns about a profile that is not a commenter or submitter of the section’s threads, and says when the check was partial', () => {
    const { sections, linked } = bodySections(body);
    const results = new Map<string, ThreadResult>([
      ['hn:4', report(251, 97, ['Roxxik', 'mkw'])],
      ['reddit:1abcde', report(812, 64, ['quant_quinn'], 'about 3 comments behind "more" links were not read')],
    ]);
    const urls = new Map(linked.map((t) => [t.key, t.url]));
    expect(quoteProblems(FILE, sections, results, urls).map(formatProblem)).toEqual([
      `${FILE}:6  section #flash: warning: "stri8ted" (Hacker News) neither commented on nor submitted the thread this section links (${HN(4)}); check the name, and which thread the quote is from`,
      `${FILE}:10  section #lobsters: warning: "hwayne" (Lobsters) is quoted, but this section links no Lobsters thread; link the thread the quote is from`,
      `${FILE}:14  section #reddit: warning: "nobody" (Reddit) is not among the comments read from https://www.reddit.com/r/x/comments/1abcde/t/, but not every comment was read (https://www.reddit.com/r/x/comments/1abcde/t/: about 3 comments behind "more" links were not read); the check was partial`,
    ]);
  });

  it('counts a thread linked in a heading as its section’s', () => {
    const { sections } = bodySections('\nIntro.\n\n## [Flash](https://lobste.rs/s/abc123) {#flash}\n\nText.\n');
    expect(sections.map((s) => [s.id, s.threads])).toEqual([
      [null, []],
      ['flash', ['lobsters:abc123']],
    ]);
  });

  it('says nothing of a thread that could not be read (its own line says why)', () => {
    const { sections, linked } = bodySections(body);
    const results = new Map<string, ThreadResult>([['hn:4', { ok: false, reason: 'not found (HTTP 404)' }]]);
    const problems = quoteProblems(FILE, sections, results, new Map(linked.map((t) => [t.key, t.url])));
    expect(problems.map((p) => p.field)).toEqual(['section #lobsters']);
  });
});
