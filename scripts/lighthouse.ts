/**
 * `npm run lighthouse`: audits a built page with Lighthouse in Debian's
 * Chromium and fails when any category scores below the threshold
 * (Lighthouse itself always exits 0).
 *
 *   npm run lighthouse                          # the latest edition in dist/
 *   npm run lighthouse -- <folder> <path>       # any built folder and page
 *
 * LIGHTHOUSE_MIN (default 0.95) sets the threshold; CHROME_PATH the browser.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from './lib/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const min = Number(process.env['LIGHTHOUSE_MIN'] ?? 0.95);
const folder = resolve(process.argv[2] ?? 'dist');

/** The newest edition page of a built folder. */
function latestEdition(): string {
  const numbers = readdirSync(join(folder, 'editions'))
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  return `/editions/${Math.max(...numbers)}/`;
}

const path = process.argv[3] ?? latestEdition();
const server = await serve(folder);
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
let failed = false;
try {
  const result = await lighthouse(`${server.origin}${path}`, {
    port: chrome.port,
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  for (const id of CATEGORIES) {
    const score = result?.lhr.categories[id]?.score ?? 0;
    const ok = score >= min;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${id}: ${score.toFixed(2)} (at least ${min})`);
    if (!ok) {
      for (const ref of result?.lhr.categories[id]?.auditRefs ?? []) {
        const audit = result?.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          console.log(`       ${audit.id}: ${audit.title}`);
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(failed ? `lighthouse: ${path} is below ${min}` : `lighthouse: ${path} passes`);
process.exitCode = failed ? 1 : 0;
