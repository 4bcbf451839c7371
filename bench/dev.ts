/**
 * `npm run dev` as an author meets it, for `npm run bench`: how long from
 * starting the dev server until the newest edition's page is served, and how
 * long from saving an edit to that edition until the page open in Chromium
 * shows it (the dev server reloads the page by itself).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { startDevServer } from '../tests/support/dev-server.ts';
import { BENCH_NOW } from './generate.ts';

/** Seconds: start to first page, save to edit visible. */
export interface DevTimes {
  firstPage: number;
  editVisible: number;
}

/** Polls `url` until it answers 200; resolves with the moment it did. */
async function firstOk(url: string, deadline: number): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return performance.now();
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts `astro dev` over `editionsDir`, opens edition `newest` in Chromium,
 * appends a sentence to its file (`file`) and waits for the sentence in the
 * browser. The file is put back as it was.
 */
export async function measureDev(editionsDir: string, newest: number, file: string): Promise<DevTimes> {
  const start = performance.now();
  const server = await startDevServer({ EDITIONS_DIR: editionsDir, BUILD_DATE: BENCH_NOW });
  const original = readFileSync(file, 'utf8');
  const browser = await launchChromium();
  try {
    const url = `${server.origin}/editions/${newest}/`;
    const firstPage = (await firstOk(url, start + 120_000)) - start;
    const page = await browser.newPage();
    // As an author's open tab is: loaded, connected to the dev server for reloads, and past the reloads
    // the server sends at start (the content it synced, dependencies it optimized): 2 s without one.
    let lastLoad = performance.now();
    page.on('load', () => (lastLoad = performance.now()));
    await page.goto(url);
    while (performance.now() - lastLoad < 2_000) await page.waitForTimeout(250);
    await page.waitForFunction(() => document.readyState === 'complete');
    const marker = `Edited while the dev server ran ${Date.now()}.`;
    const saved = performance.now();
    writeFileSync(file, `${original}\n${marker}\n`);
    await page.getByText(marker).first().waitFor({ timeout: 60_000 });
    const editVisible = performance.now() - saved;
    return { firstPage: firstPage / 1000, editVisible: editVisible / 1000 };
  } finally {
    writeFileSync(file, original);
    await browser.close();
    await server.close();
  }
}
