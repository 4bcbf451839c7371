import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distOf, SITES } from '../build/sites.ts';
import { launchChromium } from '../support/browser.ts';
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
