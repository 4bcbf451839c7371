import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allFiles, hasPage, page, textOf } from '../support/html.ts';
import { distOf, SITES } from './sites.ts';

const dist = distOf(SITES.fixture);

describe('the built fixture site', () => {
  it('writes a page for each published edition at /editions/<n>/, and the home, archive and 404 pages', () => {
    for (const path of ['/', '/editions/', '/editions/1/', '/editions/3/', '/editions/4/'])
      expect(hasPage(dist, path), path).toBe(true);
    expect(readFileSync(`${dist}/404.html`, 'utf8')).toContain('Page not found');
  });

  it('leaves drafts and scheduled editions out of every file', () => {
    expect(hasPage(dist, '/editions/5/')).toBe(false);
    expect(hasPage(dist, '/editions/6/')).toBe(false);
    for (const file of allFiles(dist)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('Unfinished draft headline');
      expect(text, file).not.toContain('Scheduled future headline');
    }
  });

  it('gives each section heading its id and a keyboard-reachable permalink with an accessible name', () => {
    const $ = page(dist, '/editions/1/');
    expect(
      $('.story h2[id]')
        .map((_, h) => $(h).attr('id'))
        .get(),
    ).toEqual(['small-models', 'reddit-weighs-in']);
    expect($('h3#benchmarks').length).toBe(1);
    const anchor = $('#small-models').parent().find('a.anchor');
    expect(anchor.attr('href')).toBe('#small-models');
    expect(anchor.find('.sr-only').text()).toBe('Link to section: Small models win');
    expect($('section.story[aria-labelledby="small-models"]').length).toBe(1);
  });

  it('lists every section in the table of contents', () => {
    const $ = page(dist, '/editions/4/');
    expect(
      $('.intro nav.toc a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#coding-tools', '#coding-tools-again']);
  });

  it('names the forum of each discussion link and shows its figures', () => {
    const $ = page(dist, '/editions/1/');
    const inline = $('a.discussion[href="https://lobste.rs/s/abc123/small_models"]');
    expect(inline.attr('title')).toBe('Lobsters · 12 points · 3 comments');
    const threads = $('section[aria-labelledby="small-models"] .threads li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(threads).toEqual([
      'Lobsters · 12 points · 3 comments (as of December 29, 2025) — “Lobsters thread”',
      'forum.example.org',
    ]);
    expect($('section[aria-labelledby="reddit-weighs-in"] .threads li').text()).toContain('Reddit');
  });

  it('shows when discussion figures were read', () => {
    const $ = page(dist, '/editions/4/');
    const asOf = $('.threads .as-of time');
    expect(asOf.attr('datetime')).toBe('2026-01-19T08:30:00-05:00');
    expect(asOf.text()).toBe('January 19, 2026, 8:30 AM');
    expect($('.threads li').text()).toContain('Hacker News · 1 point · 1 comment');
  });

  it('renders a profile link as an attribution of the quoted commenter', () => {
    const $ = page(dist, '/editions/1/');
    const person = $('a.commenter');
    expect(person.text()).toBe('wrs');
    expect(person.attr('title')).toBe('wrs on Hacker News');
  });

  it('shows dates in the site time zone, with the time only when the edition gives one', () => {
    const three = page(dist, '/editions/3/')('.edition-meta');
    expect(three.text()).toBe('Edition 3, December 31, 2025, 10:30 PM');
    expect(three.find('time').attr('datetime')).toBe('2025-12-31T22:30:00-05:00');
    expect(page(dist, '/editions/1/')('.edition-meta').text()).toBe('Edition 1, December 29, 2025');
  });

  it('uses the headline when there is one, else "<newsletter> — Edition N"', () => {
    expect(page(dist, '/editions/1/')('h1').text()).toBe('Small models, long threads');
    expect(page(dist, '/editions/3/')('h1').text()).toBe('AI Platforms — Edition 3');
  });

  it('links each edition to the previous and next published ones, skipping gaps and drafts', () => {
    const rel = (n: number, r: string) => page(dist, `/editions/${n}/`)(`a[rel="${r}"]`).attr('href');
    expect([rel(1, 'prev'), rel(1, 'next')]).toEqual([undefined, '/editions/3/']);
    expect([rel(3, 'prev'), rel(3, 'next')]).toEqual(['/editions/1/', '/editions/4/']);
    expect([rel(4, 'prev'), rel(4, 'next')]).toEqual(['/editions/3/', undefined]);
  });

  it('lists every edition in the archive, newest first, grouped by year in the site time zone', () => {
    const $ = page(dist, '/editions/');
    const years = $('section.archive-year')
      .map(
        (_, s) =>
          `${$(s).find('h2').text()}: ${$(s)
            .find('li > a')
            .map((_, a) => $(a).attr('href'))
            .get()
            .join(' ')}`,
      )
      .get();
    expect(years).toEqual(['2026: /editions/4/', '2025: /editions/3/ /editions/1/']);
  });

  it('opens the home page on the latest edition, with its contents linking into its page', () => {
    const $ = page(dist, '/');
    expect($('h1').text()).toBe('AI Platforms — Edition 4');
    expect($('.intro a:contains("coding tools")').attr('href')).toBe('/editions/4/#coding-tools');
    expect($('.intro nav.toc a').first().attr('href')).toBe('/editions/4/#coding-tools');
    expect(
      $('.recent li > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/editions/3/', '/editions/1/']);
  });

  it('passes allowed HTML, shows other tags as text and drops authors’ comments', () => {
    expect(page(dist, '/editions/1/')('.intro kbd').length).toBe(2);
    expect(page(dist, '/editions/3/')('.story br').length).toBe(1);
    const four = readFileSync(`${dist}/editions/4/index.html`, 'utf8');
    expect(four).not.toContain('must not be published');
    expect(page(dist, '/editions/4/')('.intro del').text()).toBe('broken');
  });

  it('marks links that leave the site noopener', () => {
    const $ = page(dist, '/editions/1/');
    const external = $('main a[href^="http"]');
    expect(external.length).toBeGreaterThan(5);
    external.each((_, a) => expect($(a).attr('rel')).toContain('noopener'));
  });

  it('ships client JavaScript on the search page only', () => {
    for (const path of ['/', '/editions/', '/editions/1/', '/topics/', '/topics/flash-moe/']) {
      const $ = page(dist, path);
      expect($('script:not([type="application/ld+json"])').length, path).toBe(0);
    }
    const scripts = page(dist, '/search/')('script[src], script[type="module"]');
    expect(scripts.length).toBe(1);
  });

  it('sets the language, a skip link first in the tab order, and a canonical URL', () => {
    const $ = page(dist, '/editions/3/');
    expect($('html').attr('lang')).toBe('en-US');
    expect($('body a').first().attr('href')).toBe('#main-content');
    expect($('main#main-content').length).toBe(1);
    expect($('link[rel="canonical"]').attr('href')).toMatch(/\/editions\/3\/$/);
    expect(textOf($)).toContain('Edition 2 was withdrawn');
  });
});
