/**
 * The HTML email of every fixture edition fits a phone: rendered in Chromium
 * at 375 px and at 600 px, with its `<style>` and without it (as clients that
 * drop `<style>` show it), nothing is wider than the screen. Emails are made
 * in-process from the fixture editions; no site is built and no request
 * leaves the page.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { listEditionFiles } from '../../src/loader/load-editions.ts';
import { emailHtml } from '../../src/render/email.ts';
import type { SiteSettings } from '../../src/schemas/site.ts';
import { getSite } from '../../src/site/settings.ts';
import { launchChromium } from '../support/browser.ts';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = [
  'content/editions',
  'tests/fixtures/site/editions',
  'tests/fixtures/kitchen-sink/editions',
  'tests/fixtures/email/editions',
];
const WIDTHS = [375, 600];
const SITE = getSite();
/** The same site, right to left. */
const ARABIC: SiteSettings = { ...SITE, lang: 'ar' };

const emails = FOLDERS.flatMap((folder) =>
  listEditionFiles(join(ROOT, folder), ROOT).map((name) => {
    const file = `${folder}/${name}`;
    const result = compileEdition(file, readFileSync(join(ROOT, file)), { timeZone: SITE.timeZone, lang: SITE.lang });
    if (!result.edition) throw new Error(`${file} does not compile: ${result.problems[0]?.message}`);
    return { file, edition: result.edition };
  }),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** How much wider than the screen the page is (0 when it fits), and the widest element that sticks out of it. */
async function overflow(html: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  // Images and links point at the newsletter's site: never fetched in a test.
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  const found = await page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    let widest = '';
    let right = screen;
    const scrolls = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    for (const el of document.body.querySelectorAll('*')) {
      // What a box scrolls (a wide table in its .table-scroll) stays inside the column.
      let inside = el.parentElement;
      while (inside && !scrolls(inside)) inside = inside.parentElement;
      if (inside) continue;
      const box = el.getBoundingClientRect();
      if (box.right > right + 0.5) [right, widest] = [box.right, `<${el.tagName.toLowerCase()}>`];
    }
    return { extra: Math.max(0, document.documentElement.scrollWidth - screen), widest };
  });
  await context.close();
  return found;
}

describe('the HTML email fits the screen', () => {
  it('has the fixture editions, the wide one among them', () => {
    expect(emails.map((e) => e.file)).toContain('tests/fixtures/email/editions/2026-05-01-edition-1.md');
    expect(emails.length).toBeGreaterThanOrEqual(7);
  });

  for (const width of WIDTHS)
    it.each(emails)(
      `$file at ${width} px, left to right and right to left, with and without <style>`,
      async ({ edition }) => {
        for (const site of [SITE, ARABIC]) {
          const html = emailHtml(edition, site);
          expect(await overflow(html, width)).toEqual({ extra: 0, widest: '' });
          expect(await overflow(html.replace(/<style>[\s\S]*?<\/style>/, ''), width)).toEqual({ extra: 0, widest: '' });
        }
      },
    );
});
