import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every test, and every build or command a test starts, keeps its caches in a temporary folder, never in the
// project's own (`NEWSLETTER_CACHE_DIR`, src/cache/): tests then start from nothing and leave nothing behind.
// Set even when the shell sets it: a test run never shares a cache with a developer's builds.
if (!process.env['NEWSLETTER_TEST_CACHE_DIR']) {
  const dir = mkdtempSync(join(tmpdir(), 'newsletter-test-cache-'));
  process.env['NEWSLETTER_TEST_CACHE_DIR'] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
process.env['NEWSLETTER_CACHE_DIR'] = process.env['NEWSLETTER_TEST_CACHE_DIR'];

/**
 * One vitest project per tier, each runnable alone (`npx vitest --project unit`):
 * unit and markdown run in-process and never build a site; cli runs the
 * commands (check, build's guards, import, child processes) as a user does;
 * build and e2e share the sites that `tests/build/global-setup.ts` builds
 * once per run.
 */
export default defineConfig({
  test: {
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
          globalSetup: ['tests/build/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
