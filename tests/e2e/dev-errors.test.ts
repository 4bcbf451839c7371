/**
 * Issue 14, "errors where the author looks": in `npm run dev` an edition with
 * errors shows its problems at its own URL and the page follows the file as
 * it is fixed and broken again; a file without a readable number shows in a
 * banner on every page. Real `astro dev`, real Chromium, files changed on disk.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT, ROOT } from '../build/sites.ts';
import { launchChromium } from '../support/browser.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const site = `tests/.output/dev-errors-${process.pid}`;
const editions = `${site}/editions`;
const edition3 = `${editions}/2026-01-01-edition-3.md`;
const good = readFileSync(join(ROOT, 'tests/fixtures/site/editions/2026-01-01-edition-3.md'), 'utf8');
const bad = good.replace('date: 2026-01-01T03:30:00Z', 'date: 2026-13-01');
const badLine = `${edition3}:3  date: expected a real calendar date, got "2026-13-01"`;
// A save, as an editor makes it: the file is rewritten in place.
const save = (file: string, text: string) => writeFileSync(join(ROOT, file), text);
const SETTLE = { timeout: 20_000 };

let server: DevServer | undefined;
let browser: Browser | undefined;
let page: Page;
let loads = 0;
let lastLoad = 0;

/**
 * Opens `url` as an author's tab is by the time they save: loaded, connected
 * to the dev server, and past the reloads it sends for saves made before
 * (a reload that lands while the page is still loading would cut the
 * navigation short, net::ERR_ABORTED, or reach a page not yet listening).
 */
async function openSettled(url: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.goto(url).then(
          () => 'loaded',
          (error: Error) => {
            if (!error.message.includes('net::ERR_ABORTED')) throw error;
            return 'cut short by a reload';
          },
        ),
      { timeout: SETTLE.timeout },
    )
    .toBe('loaded');
  while (performance.now() - lastLoad < 1_000) await page.waitForTimeout(100);
}

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/site'), join(ROOT, site), { recursive: true });
  save(edition3, bad);
  server = await startDevServer({ EDITIONS_DIR: editions, BUILD_DATE: '2026-06-01T00:00:00Z' });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('load', () => {
    loads++;
    lastLoad = performance.now();
  });
  // The server sends its first browser a reload for the content synced at start (later on a busy machine):
  // let that happen, and the page be quiet for two seconds, before testing.
  await page.goto(`${server.origin}/`);
  const started = performance.now();
  while (performance.now() - Math.max(lastLoad, started) < 2_000 && performance.now() - started < SETTLE.timeout)
    await page.waitForTimeout(100);
});

afterAll(async () => {
  if (process.env['DEV_ERRORS_LOG']) console.log(server?.output()); // what the server printed, to debug a failure
  await browser?.close();
  await server?.close();
  rmSync(join(ROOT, site), { recursive: true, force: true });
});

describe('npm run dev shows content problems in the browser', () => {
  it('shows the problems of an edition with a bad date at its URL, styled like the site, in place of the 404', async () => {
    const url = `${server!.origin}/editions/3/`;
    expect((await fetch(url)).status).toBe(200);
    await openSettled(url);
    expect(await page.locator('h1').textContent()).toBe('Edition 3 has problems');
    expect(await page.locator('.edition-problems .banner').textContent()).toBe(
      'This edition has 1 problem; fix it and save: this page reloads.',
    );
    expect(await page.locator('.edition-problems h2').allTextContents()).toEqual([edition3]);
    const problem = page.locator('.edition-problems li.problem');
    expect(await problem.locator('.problem-severity').allTextContents()).toEqual(['Error']);
    expect(await problem.locator('.problem-line').allTextContents()).toEqual([badLine]);
    // The site's stylesheet applies (dev serves it inline) and the site's header is there.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('header.site-header').count()).toBe(1);
    expect(await page.locator('.dev-problems').count()).toBe(0);
  });

  it('reloads by itself to the edition once the file is fixed, and back to its problems when broken again', async () => {
    const before = loads;
    save(edition3, good);
    await page.locator('h1', { hasText: 'AI Platforms — Edition 3' }).waitFor(SETTLE);
    expect(await page.locator('.edition-problems').count()).toBe(0);
    // The heading shows before the page's load event; a reload before that event would cancel it uncounted.
    await page.waitForLoadState('load');
    save(edition3, bad);
    await page.locator('h1', { hasText: 'Edition 3 has problems' }).waitFor(SETTLE);
    expect(await page.locator('.problem-line').allTextContents()).toEqual([badLine]);
    expect(loads - before).toBeGreaterThanOrEqual(2); // reloaded by the dev server, never by the test
  });

  it('lists a file whose number cannot be read in a banner on every page, the home page included', async () => {
    const broken = `${editions}/2026-02-01-unnumbered.md`;
    save(broken, '---\ntitle: [not closed\n---\n\nText.\n');
    await openSettled(`${server!.origin}/`);
    const banner = page.locator('aside.dev-problems');
    await banner.waitFor(SETTLE);
    expect(await banner.locator('.dev-problems-file').allTextContents()).toEqual([broken]);
    expect(await banner.locator('.problem-line').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${broken}:2  front matter: `)),
    ]);
    expect(await banner.locator('a').count()).toBe(0);
    await openSettled(`${server!.origin}/editions/1/`);
    const files = page.locator('aside.dev-problems .dev-problems-file');
    await expect
      .poll(() => files.allTextContents().catch(() => 'reloading'), { timeout: SETTLE.timeout })
      .toEqual([broken]);
    unlinkSync(join(ROOT, broken));
    await banner.waitFor({ state: 'detached', ...SETTLE });
    // With no problem left, pages still read the problems collection, and Astro must not warn that it is empty.
    await openSettled(`${server!.origin}/editions/3/`);
    save(edition3, good);
    await page.locator('h1', { hasText: 'AI Platforms — Edition 3' }).waitFor(SETTLE);
    expect(server!.output()).not.toContain('does not exist or is empty');
  });
});
