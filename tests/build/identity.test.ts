/**
 * Any newsletter, any language: the fixture editions built as a German
 * newsletter (`SITE_CONFIG=tests/fixtures/settings/de.ts`) leave no English
 * word of the site's own and no "AI Platforms" anywhere — pages, emails,
 * feeds, sitemap, social images — and as an Arabic one read right to left,
 * both with a sign-up form, so the subscribe box and the email footer are
 * checked too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { validateSite } from '../../src/site/settings.ts';
import { socialImageTexts } from '../../src/render/social-texts.ts';
import { TABLES } from '../../src/i18n/index.ts';
import deSettings from '../fixtures/settings/de.ts';
import { allFiles, page } from '../support/html.ts';
import { distOf, ROOT, SITES } from './sites.ts';

const de = distOf(SITES.de);
const ar = distOf(SITES.ar);

/** The fixture editions' own text (English here) and the settings' (the name, the description): words of the author's, not the site's. */
const AUTHORS_TEXT = (lang: string) =>
  [
    ...readdirSync(join(ROOT, SITES.de.editions)).map((name) => join(ROOT, SITES.de.editions, name)),
    join(ROOT, `tests/fixtures/settings/${lang}.ts`),
  ]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `fragment` as a whole word (or words): not inside a longer word. */
const wholeWords = (fragment: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * What a site in `lang` must not show: every run of words in the English
 * table (`src/i18n/en.ts`, placeholders cut out, plural forms included),
 * read from the table itself so that a new string cannot escape the check.
 * Left out: the values `lang`'s own table has too (names such as "RSS" and
 * templates such as `{page} — {name}`, which a language legitimately
 * shares), and words the fixture's editions and settings use themselves.
 */
function englishFor(lang: string): RegExp[] {
  const own = TABLES[lang] as unknown as Record<string, unknown>;
  const fragments = new Set<string>(['AI Platforms']);
  for (const [key, value] of Object.entries(TABLES['en']!)) {
    if (key === 'dir' || JSON.stringify(own[key]) === JSON.stringify(value)) continue;
    for (const template of typeof value === 'string' ? [value] : Object.values(value as Record<string, string>))
      for (const piece of template.split(/\{\w+\}/)) {
        const words = piece.trim().replace(/^[\s,.;:·—()[\]?!]+|[\s,.;:·—()[\]]+$/g, '');
        if (/\p{L}{2,}/u.test(words)) fragments.add(words);
      }
  }
  const authors = AUTHORS_TEXT(lang);
  return [...fragments].map(wholeWords).filter((re) => !re.test(authors));
}

/** A file's words as a reader meets them: text, and the attributes that are read out or shown (markup and URLs dropped). */
function readable(text: string): string {
  const decoded = text
    .replace(/\\"/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return decoded.replace(/<[^>]*>/g, (tag) =>
    [' ', ...[...tag.matchAll(/\b(?:aria-label|title|alt|placeholder|content)="([^"]*)"/g)].map((m) => m[1]), ' '].join(
      ' ',
    ),
  );
}

/** Every English string of the site in a file's text, for a readable failure. */
function english(text: string, patterns: readonly RegExp[]): string[] {
  const words = readable(text);
  return patterns.flatMap((re) => re.exec(words)?.[0] ?? []);
}

/** The pages, emails, feeds and sitemap of a built site. */
const readerFiles = (dist: string) =>
  allFiles(dist).filter((f) => /\.(html|xml|json|txt)$/.test(f) && !f.includes('/pagefind/'));

describe('a German newsletter', () => {
  const files = readerFiles(de);
  const ENGLISH = englishFor('de');

  it('builds pages, emails, feeds and a sitemap to check', () => {
    const names = files.map((f) => relative(de, f));
    expect(names).toEqual(
      expect.arrayContaining(['index.html', 'editions/1/email.html', 'editions/1/email.txt', 'rss.xml', 'atom.xml']),
    );
    expect(names).toEqual(expect.arrayContaining(['feed.json', 'sitemap-0.xml', '404.html', 'search/index.html']));
  });

  it('looks for every English string of the site, those of the subscribe box and the email footer included', () => {
    const leaks = (text: string) => english(text, ENGLISH);
    expect(leaks('<h2>Subscribe</h2> Forwarded this email? <a href="/#subscribe">Subscribe</a>.')).toEqual([
      'Subscribe',
      'Forwarded this email?',
    ]);
    expect(leaks('<section aria-label="Follow with a feed reader"></section>')).toEqual(['Follow with a feed reader']);
    expect(leaks('<p>Your address goes to listmonk; unsubscribe any time.</p>')).toEqual([
      'Your address goes to',
      'unsubscribe any time',
    ]);
  });

  it('has no English string of the site and no "AI Platforms" in any page, email or feed, sign-up form included', () => {
    expect(page(de, '/')('form.subscribe-form input[name="name"]').length).toBe(1);
    const found = files.flatMap((f) =>
      english(readFileSync(f, 'utf8'), ENGLISH).map((s) => `${relative(de, f)}: ${s}`),
    );
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
    expect(texts.flatMap((text) => english(text, ENGLISH))).toEqual([]);
    expect(texts[0]).toContain('Was Praktiker über KI-Plattformen sagen');
    expect(texts[1]).toMatch(/^KI-Plattformen\nAusgabe \d+ · \d+\. \w+ 20\d\d/);
  });
});

describe('an Arabic newsletter', () => {
  it('has no English string of the site in any page, email or feed, sign-up form included', () => {
    expect(page(ar, '/')('form.subscribe-form input[name="name"]').length).toBe(1);
    const found = readerFiles(ar).flatMap((f) =>
      english(readFileSync(f, 'utf8'), englishFor('ar')).map((s) => `${relative(ar, f)}: ${s}`),
    );
    expect(found).toEqual([]);
  });

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
