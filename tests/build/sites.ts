/** The sites the build tier builds once per run, and where their output goes. */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, BuildStop } from '../../scripts/lib/build-safety.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'tests/.output');

/** A site to build: a folder of editions and an output folder. */
export interface FixtureSite {
  name: string;
  /** Editions folder, relative to the project root. */
  editions: string;
  /** Extra environment (e.g. BUILD_DATE). */
  env?: Record<string, string>;
}

export const SITES = {
  /** The repository's own content: Edition 2 as the newsletter publishes it. */
  content: { name: 'content', editions: 'content/editions' },
  /** Three small editions plus a draft and a scheduled one, for structure tests. */
  fixture: { name: 'fixture', editions: 'tests/fixtures/site/editions', env: { BUILD_DATE: '2026-06-01T00:00:00Z' } },
  /** The fixture editions with a listmonk sign-up form (`SITE_CONFIG`, `tests/fixtures/subscribe/`). */
  subscribe: {
    name: 'subscribe',
    editions: 'tests/fixtures/site/editions',
    env: { BUILD_DATE: '2026-06-01T00:00:00Z', SITE_CONFIG: 'tests/fixtures/subscribe/site.config.ts' },
  },
  /** The repository's content served from a sub-folder, as on a GitHub project page. */
  base: { name: 'base/newsletter', editions: 'content/editions', env: { BASE_PATH: '/newsletter/' } },
  /** The fixture editions as another newsletter: German, its own name, colours, logo and links (`SITE_CONFIG`). */
  de: {
    name: 'de',
    editions: 'tests/fixtures/site/editions',
    env: { BUILD_DATE: '2026-06-01T00:00:00Z', SITE_CONFIG: 'tests/fixtures/settings/de.ts' },
  },
  /** The fixture editions as an Arabic newsletter: right to left. */
  ar: {
    name: 'ar',
    editions: 'tests/fixtures/site/editions',
    env: { BUILD_DATE: '2026-06-01T00:00:00Z', SITE_CONFIG: 'tests/fixtures/settings/ar.ts' },
  },
  /**
   * Every CommonMark and GFM example the format accepts, one edition each,
   * and the kitchen-sink edition as the latest (written by `writeCorpusSite`).
   */
  corpus: {
    name: 'corpus',
    editions: 'tests/.output/corpus-src/editions',
    env: { BUILD_DATE: '2030-01-01T00:00:00Z' },
  },
} satisfies Record<string, FixtureSite>;

/** Where a site's `dist/` is written. */
export function distOf(site: FixtureSite): string {
  return join(OUTPUT, site.name);
}

/**
 * Where this test run's builds take turns, whatever cache root each uses: the
 * build lock is per cache root, and a test that gives its builds a cache of
 * their own (so that no other file's build prunes it) still builds one at a
 * time with every other test, in one checkout.
 */
const TURN = join(process.env['NEWSLETTER_TEST_CACHE_DIR'] ?? tmpdir(), 'test-build-turn.lock');

/**
 * Runs `npm run build`'s script for a site (or any editions folder); returns
 * its exit status and output. Builds of one checkout take turns (the build
 * lock, and this run's turn above), and test files run in parallel, so a
 * build that finds another running waits for it and tries again.
 */
export function buildSite(site: FixtureSite, outDir = distOf(site)): { status: number | null; output: string } {
  const deadline = Date.now() + 10 * 60_000;
  const wait = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  for (;;) {
    let release: () => void;
    try {
      release = acquireLock(TURN);
    } catch (error) {
      if (!(error instanceof BuildStop) || Date.now() > deadline) throw error;
      wait();
      continue;
    }
    let result;
    try {
      result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          OUT_DIR: outDir,
          EDITIONS_DIR: site.editions,
          ...site.env,
        },
      });
    } finally {
      release();
    }
    const output = `${result.stdout}${result.stderr}`;
    if (!/^build: another build \(pid \d+\) is running/m.test(output) || Date.now() > deadline)
      return { status: result.status, output };
    wait();
  }
}
