/** How many bytes the search page downloads for a first query, measured in Chromium. */
import { existsSync } from 'node:fs';
import { serve } from '../scripts/lib/static-server.ts';
import { launchChromium } from '../tests/support/browser.ts';

/** Bytes of every Pagefind file fetched to answer `query` on a fresh search page (null without Chromium). */
export async function firstQueryBytes(dist: string, query: string): Promise<number | null> {
  if (!existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium')) return null;
  const server = await serve(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (response.url().includes('/pagefind/')) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-results li').first().waitFor();
    await page.waitForLoadState('networkidle');
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}
