import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlErrors } from '../quality/static-gates.ts';
import { missingWords, visibleText } from '../support/outputs.ts';
import { page } from '../support/html.ts';
import { builtParts, indexedPageCount } from '../support/search-parts.ts';
import { EDITION_OUTPUTS } from '../../src/site/edition-outputs.ts';
import { distOf, ROOT, SITES } from './sites.ts';

const dist = distOf(SITES.corpus);
const sources = readdirSync(join(ROOT, SITES.corpus.editions));
const numbers = sources.map((name) => {
  const text = readFileSync(join(ROOT, SITES.corpus.editions, name), 'utf8');
  return Number(/^edition: (\d+)$/m.exec(text)![1]);
});

describe('the corpus site: every accepted CommonMark and GFM example, and the kitchen sink, built', () => {
  it('has most of the corpus in it', () => expect(sources.length).toBeGreaterThan(600));

  it('writes every output of the table (a page, a social image and both emails) for every edition', () => {
    const files = Object.values(EDITION_OUTPUTS).map((output) => output.file);
    expect(files).toEqual(['index.html', 'social.png', 'email.html', 'email.txt']);
    const missing = numbers.flatMap((n) =>
      files.map((file) => `editions/${n}/${file}`).filter((file) => !existsSync(join(dist, file))),
    );
    expect(missing).toEqual([]);
  });

  it('finds 0 html-validate errors on any page or email', async () => {
    expect(await htmlErrors(dist)).toEqual([]);
  });

  it('keeps every word of every story on its page and in its plain-text email', () => {
    const lost: string[] = [];
    for (const n of numbers) {
      const $ = page(dist, `/editions/${n}/`);
      const text = visibleText($('main').html() ?? '');
      const email = readFileSync(join(dist, `editions/${n}/email.txt`), 'utf8').replace(/ \[\d+\]/g, '');
      $('section.story').each((_, story) => {
        // The story's own words: not the threads and topics the site adds after it.
        $(story).find('.threads, .section-topics').remove();
        const words = [...new Set(visibleText($(story).html() ?? '').match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
        for (const word of missingWords(words, text)) lost.push(`${n} page: ${word}`);
        for (const word of missingWords(words, email)) lost.push(`${n} email.txt: ${word}`);
      });
    }
    expect(lost).toEqual([]);
  });

  it('indexes every edition page for search, in parts of 250', () => {
    expect(builtParts(dist)).toHaveLength(Math.ceil(numbers.length / 250));
    expect(indexedPageCount(dist)).toBe(numbers.length);
  });

  it('gives every spec section a topic timeline that lists its examples', () => {
    const $ = page(dist, '/topics/');
    const topics = $('.topic-list > li > a').length;
    expect(topics).toBeGreaterThanOrEqual(20);
    const tables = page(dist, '/topics/spec-tables/');
    expect(tables('.timeline > li').length).toBeGreaterThanOrEqual(8);
  });

  it('opens the home page on the kitchen sink, whose "Recent editions" heading does not clash with the page’s own', () => {
    const $ = page(dist, '/');
    expect($('#recent-editions').length).toBe(1);
    expect($('#recent-editions-1').text()).toBe('Recent editions');
    expect($('h1').text()).toContain('Kitchen sink');
  });

  it('links every table-of-contents entry to a story on its page', () => {
    const broken: string[] = [];
    for (const n of numbers) {
      const $ = page(dist, `/editions/${n}/`);
      $('nav.toc a').each((_, a) => {
        const id = decodeURIComponent($(a).attr('href')!.slice(1));
        if ($(`[id="${id}"]`).length !== 1) broken.push(`${n}: #${id}`);
      });
    }
    expect(broken).toEqual([]);
  });
});
