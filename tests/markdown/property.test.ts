import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { getSite } from '../../src/site/settings.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import {
  htmlParseErrors,
  jsonFeedText,
  missingWords,
  outputsOf,
  sectionWords,
  visibleText,
} from '../support/outputs.ts';

const SITE = getSite();
const SETTINGS = { timeZone: SITE.timeZone, lang: SITE.lang };
const FEEDS = join(import.meta.dirname, '../.output/property-feeds');

/** Words from every script a newsletter may be written in, and the characters HTML and XML must escape. */
const word = fc.constantFrom(
  'model',
  'inference',
  'Flash-MoE',
  'io_uring',
  '中文字符',
  '日本語',
  '한국어',
  'العربية',
  'עברית',
  'हिन्दी',
  'Ελληνικά',
  'Русский',
  '🚀',
  'a&b',
  'x<y',
  'q"uote',
  "it's",
  '1,234',
  'C++',
  'snake_case',
  'Vec<T>',
);
const asciiWord = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'release', 'notes', 'tools');
const words = (arb: fc.Arbitrary<string>) => fc.array(arb, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

const inline = fc.oneof(
  word,
  asciiWord.map((w) => `*${w}*`),
  asciiWord.map((w) => `**${w}**`),
  word.map((w) => `\`${w.replace(/`/g, '')}\``),
  asciiWord.map((w) => `[${w}](https://example.com/${w})`),
  asciiWord.map((w) => `~~${w}~~`),
  asciiWord.map((w) => `<strong>${w}</strong>`),
  asciiWord.map((w) => `<em>${w}</em>`),
  asciiWord.map((w) => `![${w}](https://example.com/${w}.png)`),
  asciiWord.map((w) => `[${w}](https://news.ycombinator.com/user?id=${w})`),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const indent = (text: string, by: string) => text.replace(/\n(?!\n|$)/g, `\n${by}`);

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    paragraph,
    paragraph,
    tie('block').map((b) => `> ${b.replace(/\n/g, '\n> ')}`),
    fc
      .array(tie('block'), { minLength: 1, maxLength: 3 })
      .map((items) => items.map((b) => `- ${indent(b, '  ')}`).join('\n')),
    fc
      .array(paragraph, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((p, i) => `${i + 1}. ${p}`).join('\n')),
    fc
      .array(fc.tuple(words(word), words(word)), { minLength: 1, maxLength: 3 })
      .map((rows) =>
        [
          '| a | b |',
          '| --- | ---: |',
          ...rows.map(([a, b]) => `| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`),
        ].join('\n'),
      ),
    words(word).map((w) => `\`\`\`html\n<div onclick="x()">${w}</div>\n\`\`\``),
    words(asciiWord).map((w) => `### ${w}`),
    fc.constant('***'),
    words(asciiWord).map((w) => `<details>\n<summary>${w}</summary>\n\n${w}\n\n</details>`),
  ),
}));

const edition = fc
  .record({
    intro: paragraph,
    sections: fc.array(fc.tuple(words(asciiWord), fc.array(block, { minLength: 1, maxLength: 4 })), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ intro, sections }) => {
    const body = sections.map(([title, blocks], i) => `## ${title} {#s${i}}\n\n${blocks.join('\n\n')}`).join('\n\n');
    return `---\nedition: 1\ndate: 2026-05-01T09:00:00-04:00\n---\n\n${intro}\n\n${body}\n`;
  });

describe('random editions from a grammar of real constructs (fast-check)', () => {
  it('compile without a problem and keep their words in every output, which stay valid', () => {
    rmSync(FEEDS, { recursive: true, force: true });
    mkdirSync(FEEDS, { recursive: true });
    let run = 0;
    fc.assert(
      fc.property(edition, (text) => {
        const result = compileEdition('random.md', new TextEncoder().encode(text), SETTINGS);
        expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
        const out = outputsOf(result.edition!, SITE);
        expect(htmlParseErrors(out.emailHtml)).toEqual([]);
        const plain = out.emailText.replace(/ \[\d+\]/g, '');
        const feed = jsonFeedText(out.json);
        for (const section of result.edition!.sections) {
          const words = sectionWords(section);
          expect(missingWords(words, plain)).toEqual([]);
          expect(missingWords(words, visibleText(out.emailHtml))).toEqual([]);
          expect(missingWords(words, feed)).toEqual([]);
        }
        run++;
        writeFileSync(join(FEEDS, `${run}.rss.xml`), out.rss);
        writeFileSync(join(FEEDS, `${run}.atom.xml`), out.atom);
      }),
      { numRuns: 150, seed: 20261126 },
    );
    expect(run).toBeGreaterThanOrEqual(150);
    const files = Array.from({ length: run }, (_, i) => [`${i + 1}.rss.xml`, `${i + 1}.atom.xml`]).flat();
    expect(() => execFileSync('xmllint', ['--noout', ...files], { cwd: FEEDS, stdio: 'pipe' })).not.toThrow();
  });
});
