import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distOf, SITES } from '../build/sites.ts';
import { launchChromium } from '../support/browser.ts';
import { indexInParts, publishedFixtureEditions } from '../support/search-parts.ts';
import { serve } from '../../scripts/lib/static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve(distOf(SITES.content));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search in a real browser', () => {
  it('finds the Flash-MoE section of Edition 2 for "io_uring" and lands on its anchor', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    await page.fill('#search-input', 'io_uring');
    await page.press('#search-input', 'Enter');
    await page.locator('#search-results li a').first().waitFor();
    const result = page.locator('#search-results li', { has: page.locator('a[href="/editions/2/#flash-moe"]') });
    expect(await result.locator('a').textContent()).toBe('Flash-MoE: Community Forks Push Practical Boundaries');
    expect(await result.locator('.search-where').textContent()).toBe('AI Platforms — Edition 2');
    expect(await result.locator('mark').first().textContent()).toMatch(/io_uring/i);
    await result.locator('a').click();
    await page.waitForURL(`${server.origin}/editions/2/#flash-moe`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('flash-moe');
    await page.close();
  });

  it('loads nothing of search on an edition page', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/editions/2/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.includes('pagefind') || p.endsWith('.js'))).toEqual([]);
    await page.close();
  });

  it('without JavaScript, the search entry in the header leads to the archive of every edition', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/editions/2/`);
    await page.click('header nav >> text=Search');
    expect(await page.locator('#search-fallback .edition-list a').first().getAttribute('href')).toBe('/editions/2/');
    await context.close();
  });
});

describe('search over an index in parts (a site of more than 250 editions)', () => {
  let site: string;
  let parted: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    // The fixture site, its index made again one edition a part: the main bundle holds edition 1, the parts 3 and 4.
    site = mkdtempSync(join(tmpdir(), 'search-parts-'));
    cpSync(distOf(SITES.fixture), site, { recursive: true });
    rmSync(join(site, 'pagefind'), { recursive: true });
    const index = await indexInParts(await publishedFixtureEditions(), 1);
    for (const file of index.files) {
      mkdirSync(dirname(join(site, 'pagefind', file.path)), { recursive: true });
      writeFileSync(join(site, 'pagefind', file.path), file.content);
    }
    parted = await serve(site);
  });
  afterAll(async () => {
    await parted?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it.each([
    ['Lobsters', '/editions/1/#small-models', 'Small models win'],
    ['"Still here"', '/editions/3/#late-night', 'Late night'],
    ['"Ask HN"', '/editions/4/#coding-tools', 'Coding tools'],
  ])('finds %s in the part that holds it', async (query, href, title) => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${parted.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-status', { hasText: /\d/ }).waitFor();
    expect(
      await page.locator('#search-results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual([href]);
    expect(await page.locator(`#search-results a[href="${href}"]`).textContent()).toBe(title);
    // Every part is merged, and Pagefind's script and WebAssembly come once, from the main bundle.
    expect(fetched.filter((path) => path.endsWith('/pagefind-entry.json')).sort()).toEqual([
      '/pagefind/pagefind-entry.json',
      '/pagefind/parts/2/pagefind-entry.json',
      '/pagefind/parts/3/pagefind-entry.json',
    ]);
    expect(fetched.filter((path) => path.includes('/parts/') && /\.js$|wasm/.test(path))).toEqual([]);
    await page.close();
  });
});
