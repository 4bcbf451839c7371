import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/static-server.ts';
import { distOf, OUTPUT, ROOT, SITES } from '../build/sites.ts';
import { axeViolations, foreignRequests, keyboardReport } from '../quality/browser-gates.ts';
import { launchChromium } from '../support/browser.ts';

const PAGES = [
  '/',
  '/editions/',
  '/editions/2/',
  '/topics/',
  '/topics/flash-moe/',
  '/search/',
  '/search/?q=io_uring',
  '/no-such-page/',
];
const SCHEMES = ['light', 'dark'] as const;
/** The fixture editions built as other newsletters (German; Arabic, right to left): home and an edition. */
const OTHER_SITES = [SITES.de, SITES.ar];
const OTHER_PAGES = ['/', '/editions/1/'];
export const SCREENSHOTS = join(OUTPUT, 'screenshots');

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let broken: Awaited<ReturnType<typeof serve>>;
const others = new Map<string, Awaited<ReturnType<typeof serve>>>();

beforeAll(async () => {
  site = await serve(distOf(SITES.content));
  broken = await serve(join(ROOT, 'tests/fixtures/broken-pages'));
  for (const other of OTHER_SITES) others.set(other.name, await serve(distOf(other)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await broken?.close();
  for (const server of others.values()) await server.close();
});

/** A fresh page in its own context, in a colour scheme. */
async function open(colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

describe('accessibility audit (axe-core, WCAG 2.1 A/AA and best practices)', () => {
  for (const scheme of SCHEMES) {
    it.each(PAGES)(`finds 0 violations on %s in the ${scheme} scheme`, async (path) => {
      const { page, close } = await open(scheme);
      await page.goto(`${site.origin}${path}`);
      if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await close();
    });
  }

  it('catches the violations of a deliberately broken page', async () => {
    const { page, close } = await open();
    await page.goto(`${broken.origin}/`);
    const rules = (await axeViolations(page)).map((v) => v.split(' ')[0]);
    expect(rules).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast', 'landmark-one-main']),
    );
    await close();
  });
});

describe('accessibility audit of other newsletters (German; Arabic, right to left)', () => {
  for (const other of OTHER_SITES) {
    for (const scheme of SCHEMES) {
      it.each(OTHER_PAGES)(
        `finds 0 violations on the ${other.name} site's %s in the ${scheme} scheme`,
        async (path) => {
          const { page, close } = await open(scheme);
          await page.goto(`${others.get(other.name)!.origin}${path}`);
          expect(await axeViolations(page)).toEqual([]);
          await close();
        },
      );
    }
  }
});

describe('keyboard', () => {
  it('reaches the skip link first and a section permalink with a visible focus indicator', async () => {
    const { page, close } = await open();
    await page.goto(`${site.origin}/editions/2/`);
    expect(await keyboardReport(page)).toEqual({
      firstStop: 'a.skip-link Skip to content',
      permalinkFocusVisible: true,
    });
    await close();
  });

  it('catches a page without a skip link whose permalink hides its focus', async () => {
    const { page, close } = await open();
    await page.goto(`${broken.origin}/`);
    const report = await keyboardReport(page);
    expect(report.firstStop).not.toContain('skip-link');
    expect(report.permalinkFocusVisible).toBe(false);
    await close();
  });
});

describe('requests', () => {
  it.each(PAGES)('%s asks nothing of any origin but its own', async (path) => {
    const { page, close } = await open();
    expect(await foreignRequests(page, `${site.origin}${path}`)).toEqual([]);
    await close();
  });

  it('catches a page that loads from another origin', async () => {
    const { page, close } = await open();
    expect(await foreignRequests(page, `${broken.origin}/`)).toEqual(['https://example.com/pixel.png']);
    await close();
  });
});

describe('screenshots for a person to look at', () => {
  it.each([375, 1280])('writes Edition 2 at %i px wide, light and dark', async (width) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.origin}/editions/2/`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `edition-2-${width}-${scheme}.png`), fullPage: true });
      await context.close();
    }
  });

  it.each([375, 1280])(
    'writes the Arabic site’s Edition 1 at %i px wide, right to left, light and dark',
    async (width) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${others.get(SITES.ar.name)!.origin}/editions/1/`);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SCREENSHOTS, `ar-edition-1-${width}-${scheme}.png`), fullPage: true });
        await context.close();
      }
    },
  );
});
