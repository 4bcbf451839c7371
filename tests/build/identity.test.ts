/**
 * Any newsletter, any language: the fixture editions built as a German
 * newsletter (`SITE_CONFIG=tests/fixtures/settings/de.ts`) leave no English
 * word of the site's own and no "AI Platforms" anywhere — pages, emails,
 * feeds, sitemap, script, social images — and as an Arabic one read right to left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { validateSite } from '../../src/site/settings.ts';
import { socialImageTexts } from '../../src/render/social-texts.ts';
import deSettings from '../fixtures/settings/de.ts';
import { allFiles, page } from '../support/html.ts';
import { distOf, ROOT, SITES } from './sites.ts';

const de = distOf(SITES.de);
const ar = distOf(SITES.ar);

/** The English table's distinctive values (edition text, which is English here, never uses them). */
const ENGLISH = [
  'AI Platforms',
  'In This Edition',
  'Recent editions',
  'All editions',
  'Read edition',
  'Read on the web',
  'Read this edition',
  'Previous edition',
  'Next edition',
  'More editions',
  'Archive',
  'Search every edition',
  'Browse every edition',
  'Skip to content',
  'Link to section',
  'Discussion',
  'as of',
  'Previously:',
  'Every edition',
  'every edition',
  'is published by',
  'is an independent newsletter',
  'Page not found',
  'Searching',
  'section matches',
  'sections match',
  'Stories in edition',
  'Topics of',
  'last covered in',
  'followed since',
  'Every edition, with the discussions',
];
/** Counted words: "12 points", "1 comment", "3 sections", "and 2 more". */
const COUNTED = /\d (?:points?|comments?|sections?)\b|\band \d+ more\b/;

/** Every English string (or counted phrase) in a text, for a readable failure. */
function english(text: string): string[] {
  return [...ENGLISH.filter((s) => text.includes(s)), ...(COUNTED.exec(text) ?? [])];
}

describe('a German newsletter', () => {
  const files = allFiles(de).filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f) && !f.includes('/pagefind/'));

  it('builds pages, emails, feeds and a sitemap to check', () => {
    const names = files.map((f) => relative(de, f));
    expect(names).toEqual(
      expect.arrayContaining(['index.html', 'editions/1/email.html', 'editions/1/email.txt', 'rss.xml', 'atom.xml']),
    );
    expect(names).toEqual(expect.arrayContaining(['feed.json', 'sitemap-0.xml', '404.html', 'search/index.html']));
  });

  it('has no English string of the site and no "AI Platforms" in any file', () => {
    const found = files.flatMap((f) => english(readFileSync(f, 'utf8')).map((s) => `${relative(de, f)}: ${s}`));
    expect(found).toEqual([]);
  });

  it('names itself, in German, with its logo, links and accent colour', () => {
    const $ = page(de, '/');
    expect($('html').attr('lang')).toBe('de');
    expect($('.site-name').text()).toBe('KI-Plattformen');
    expect($('.site-logo').attr('src')).toBe('/favicon.svg');
    expect(
      $('.site-header nav a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Archiv', 'Themen', 'Suche', 'RSS-Feed']);
    expect($('#in-this-edition').text()).toBe('In dieser Ausgabe');
    expect($('.edition-meta').text()).toMatch(/^Ausgabe 4, 19\. Januar 2026/);
    expect(readFileSync(join(de, 'theme.css'), 'utf8')).toContain('--link: #0b6e4f;');
    expect(page(de, '/editions/1/')('.threads li').first().text()).toContain('12 Punkte · 3 Kommentare');
  });

  it('draws its social images with German words only', () => {
    const site = validateSite(deSettings, 'tests/fixtures/settings/de.ts');
    const dir = join(ROOT, SITES.de.editions);
    const editions = readdirSync(dir)
      .filter((name) => !name.startsWith('_'))
      .flatMap((name) => compileEdition(name, readFileSync(join(dir, name)), site).edition ?? []);
    expect(editions.length).toBeGreaterThan(3);
    const texts = [undefined, ...editions].map((edition) => {
      const t = socialImageTexts(edition, site);
      // Headlines and titles are the edition's own (English) text; the rest is the site's.
      return [t.name, t.dateline, t.more ?? '', edition ? '' : (t.headline ?? '')].join('\n');
    });
    expect(texts.flatMap(english)).toEqual([]);
    expect(texts[0]).toContain('Was Praktiker über KI-Plattformen sagen');
    expect(texts[1]).toMatch(/^KI-Plattformen\nAusgabe \d+ · \d+\. \w+ 20\d\d/);
  });
});

describe('an Arabic newsletter', () => {
  it('is right to left on every page and in its emails, with Arabic navigation', () => {
    for (const path of ['/', '/editions/', '/editions/1/', '/topics/', '/search/']) {
      const $ = page(ar, path);
      expect([$('html').attr('lang'), $('html').attr('dir')], path).toEqual(['ar', 'rtl']);
    }
    const $ = page(ar, '/');
    expect(
      $('.site-header nav a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['الأرشيف', 'المواضيع', 'بحث']);
    expect($('.skip-link').text().trim()).toBe('انتقل إلى المحتوى');
    expect(readFileSync(join(ar, 'editions/1/email.html'), 'utf8')).toMatch(/<html lang="ar" dir="rtl">/);
  });
});
