/** Gates that need a loaded page: accessibility audit, keyboard focus, requests to other origins. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core with WCAG 2.1 A and AA plus best practices: one line per violated rule. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** What the keyboard meets: the first Tab stop, and whether a section permalink is reachable with a visible focus ring. */
export async function keyboardReport(page: Page): Promise<{ firstStop: string; permalinkFocusVisible: boolean }> {
  await page.keyboard.press('Tab');
  const firstStop = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} ${el.textContent?.trim() ?? ''}`
      : 'nothing';
  });
  for (let i = 0; i < 80; i++) {
    const onPermalink = await page.evaluate(() => document.activeElement?.matches('a.anchor') ?? false);
    if (onPermalink) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return ring && box.width > 0 && box.height > 0 && el.matches(':focus-visible');
      });
      return { firstStop, permalinkFocusVisible: visible };
    }
    await page.keyboard.press('Tab');
  }
  return { firstStop, permalinkFocusVisible: false };
}

/** Loads a URL and returns every request made to an origin other than the page's own. */
export async function foreignRequests(page: Page, url: string): Promise<string[]> {
  const origin = new URL(url).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return foreign;
}
