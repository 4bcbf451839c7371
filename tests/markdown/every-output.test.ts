import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { getSite } from '../../src/site/settings.ts';
import { socialImagePng } from '../../src/render/social-image.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { corpusEditions } from '../support/corpus.ts';
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
const FEEDS = join(import.meta.dirname, '../.output/corpus-feeds');
const corpus = corpusEditions();
const feeds: string[] = [];

describe('every CommonMark and GFM example through every output', () => {
  rmSync(FEEDS, { recursive: true, force: true });
  mkdirSync(FEEDS, { recursive: true });
  let accepted = 0;

  it('has the whole corpus: 652 CommonMark examples and the GFM extension examples', () => {
    expect(corpus.filter((e) => e.name.startsWith('commonmark-'))).toHaveLength(652);
    expect(corpus.filter((e) => e.name.startsWith('gfm-')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(corpus)('$name: a problem line or every output, valid, with its words', async ({ name, text }) => {
    const file = `corpus/${name}.md`;
    const result = compileEdition(file, new TextEncoder().encode(text), SETTINGS);
    if (!result.edition) {
      // Refused (raw HTML left open, a script, an unknown scheme…): said as problem lines, never thrown.
      const errors = result.problems.filter((p) => p.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const line of errors.map(formatProblem)) expect(line).toMatch(new RegExp(`^${file}(:\\d+)?  \\S.*: \\S`));
      return;
    }
    accepted++;
    const edition = result.edition;
    const out = outputsOf(edition, SITE);
    expect(htmlParseErrors(out.emailHtml)).toEqual([]);
    const feedText = jsonFeedText(out.json);
    // "text [1]" is how the plain-text email links; the reference numbers are not the author's words.
    const plain = out.emailText.replace(/ \[\d+\]/g, '');
    for (const section of edition.sections) {
      const words = sectionWords(section);
      expect(missingWords(words, plain), 'email.txt').toEqual([]);
      expect(missingWords(words, visibleText(out.emailHtml)), 'email.html').toEqual([]);
      expect(missingWords(words, feedText), 'feed item').toEqual([]);
    }
    writeFileSync(join(FEEDS, `${name}.rss.xml`), out.rss);
    writeFileSync(join(FEEDS, `${name}.atom.xml`), out.atom);
    feeds.push(`${name}.rss.xml`, `${name}.atom.xml`);
    if (edition.sections.length > 1) {
      const png = await socialImagePng(edition, SITE);
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    }
  });

  afterAll(() => {
    // Most examples reach every output; the rest are refused with problem lines.
    expect(accepted).toBeGreaterThan(600);
  });

  it('writes every RSS and Atom feed as well-formed XML (xmllint)', () => {
    expect(feeds.length).toBeGreaterThan(1200);
    // One xmllint run over every feed; it prints nothing and exits 0 when all are well formed.
    expect(() => execFileSync('xmllint', ['--noout', ...feeds], { cwd: FEEDS, stdio: 'pipe' })).not.toThrow();
  });
});
