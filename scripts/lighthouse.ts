/**
 * `npm run lighthouse`: audits a built page with Lighthouse in Debian's
 * Chromium and fails when any category scores below the threshold
 * (Lighthouse itself always exits 0).
 *
 *   npm run lighthouse                          # the latest edition in dist/
 *   npm run lighthouse -- <folder> <path>       # any built folder and page
 *
 * The page is audited three times (LIGHTHOUSE_RUNS) and the median run is scored (Lighthouse's
 * own `computeMedianRun`, the run nearest the median first paint and time to
 * interactive): one run's timings move with whatever else the machine does.
 *
 * LIGHTHOUSE_MIN (default 0.95) sets the threshold; CHROME_PATH the browser.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { serve } from './lib/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = Math.max(1, Math.floor(Number(process.env['LIGHTHOUSE_RUNS'] ?? 3)) || 1);
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
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await lighthouse(`${server.origin}${path}`, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (run) runs.push(run.lhr);
  }
  const result = runs.length > 0 ? { lhr: computeMedianRun(runs) } : undefined;
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
