// Issue 14 in a real browser: pages with the sign-up form ask nothing of another origin and pass axe, light and dark.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/lib/static-server.ts';
import { distOf, SITES } from '../build/sites.ts';
import { axeViolations, foreignRequests } from '../quality/browser-gates.ts';
import { launchChromium } from '../support/browser.ts';

const PAGES = ['/', '/editions/', '/editions/1/'];

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  site = await serve(distOf(SITES.subscribe));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('pages with the sign-up form', () => {
  it.each(PAGES)(
    '%s asks nothing of any origin but its own, the provider included, until the form is sent',
    async (path) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      expect(await foreignRequests(page, `${site.origin}${path}`)).toEqual([]);
      expect(await page.locator('form.subscribe-form').count()).toBe(1);
      await context.close();
    },
  );

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(PAGES)(`%s has 0 axe violations in the ${colorScheme} scheme`, async (path) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.origin}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('checks the address in the browser before anything is sent', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    // Only what a submission would send counts: a navigation or a request to another origin.
    page.on('request', (request) => {
      if (request.isNavigationRequest() || !request.url().startsWith(site.origin)) requests.push(request.url());
    });
    await page.goto(`${site.origin}/`);
    await page.waitForLoadState('networkidle');
    requests.length = 0;
    const email = page.getByLabel('Email address');
    await email.fill('not an address');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect(await email.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    expect(requests).toEqual([]);
    await context.close();
  });
});
