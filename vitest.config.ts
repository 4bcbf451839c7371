import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import BuildsApart from './tests/support/sequencer.ts';

// Every test, and every build or command a test starts, keeps its caches in a temporary folder, never in the
// project's own (`NEWSLETTER_CACHE_DIR`, src/cache/): tests then start from nothing and leave nothing behind.
// Set even when the shell sets it: a test run never shares a cache with a developer's builds.
if (!process.env['NEWSLETTER_TEST_CACHE_DIR']) {
  const dir = mkdtempSync(join(tmpdir(), 'newsletter-test-cache-'));
  process.env['NEWSLETTER_TEST_CACHE_DIR'] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
process.env['NEWSLETTER_CACHE_DIR'] = process.env['NEWSLETTER_TEST_CACHE_DIR'];

// Node's compile cache, for this run only: the tests start several hundred Node processes (every command, every
// build), and each compiles the same modules; with the cache a `npm run check` starts in half the time. Off in
// CI's shell (`.ci/run`: it can grow to gigabytes in $TMPDIR during builds); here it is a temporary folder of
// this run, removed at its end.
if (!process.env['NEWSLETTER_TEST_COMPILE_CACHE']) {
  const dir = mkdtempSync(join(tmpdir(), 'newsletter-test-compile-cache-'));
  process.env['NEWSLETTER_TEST_COMPILE_CACHE'] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
process.env['NODE_COMPILE_CACHE'] = process.env['NEWSLETTER_TEST_COMPILE_CACHE'];
delete process.env['NODE_DISABLE_COMPILE_CACHE'];

/**
 * One vitest project per tier, each runnable alone (`npx vitest --project unit`):
 * unit and markdown run in-process and never build a site; cli runs the
 * commands (check, build's guards, import, child processes) as a user does;
 * build, e2e and timed share the sites that `tests/build/global-setup.ts`
 * builds once per run; timed (Lighthouse) starts when every other tier is done.
 */
export default defineConfig({
  test: {
    // Two test files at a time at least: vitest's default is one fewer than the cores, so one on a 2-core CI
    // machine, where most files wait on child processes, servers and browsers more than they compute. Builds
    // still take turns (the build lock, and `buildSite`'s turn in tests/build/sites.ts).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: BuildsApart },
    env: { NEWSLETTER_CACHE_DIR: process.env['NEWSLETTER_CACHE_DIR'] },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'markdown', include: ['tests/markdown/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          // The build tier shells out to `astro build`; give it room on a 2-core machine.
          hookTimeout: 180_000,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/lighthouse.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 120_000,
        },
      },
      {
        // Lighthouse times the page it audits (first paint, blocking time): beside the other tiers' test files,
        // which hold both cores, a page that scores 1.00 alone scored 0.77 on CI. So it runs last, alone.
        test: {
          name: 'timed',
          include: ['tests/e2e/lighthouse.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          sequence: { groupOrder: 1 },
          hookTimeout: 180_000,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
