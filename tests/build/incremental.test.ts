import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differences } from '../quality/static-gates.ts';
import { buildSite, OUTPUT, ROOT } from './sites.ts';

const SRC = 'tests/.output/incremental-src';
const EDITIONS = join(ROOT, SRC, 'editions');
// A cache root of its own: the counts below are of this file's builds alone, which another file's builds,
// running meanwhile, would otherwise prune (the last three builds keep their entries, src/cache/).
const CACHE = mkdtempSync(join(tmpdir(), 'incremental-cache-'));
afterAll(() => rmSync(CACHE, { recursive: true, force: true }));
const site = (env: Record<string, string> = {}) => ({
  name: 'incremental',
  editions: `${SRC}/editions`,
  env: { BUILD_DATE: '2026-06-01T00:00:00Z', NEWSLETTER_CACHE_DIR: CACHE, ...env },
});

/** Builds with the page cache, then renders everything afresh; returns what differs and how many pages came from the cache. */
function incrementalAgainstCold(env: Record<string, string> = {}): { differences: string[]; fromCache: number } {
  const incremental = buildSite(site(env), join(OUTPUT, 'incremental'));
  expect(incremental.status, incremental.output).toBe(0);
  const cold = buildSite(site({ ...env, NEWSLETTER_PAGE_CACHE: 'off' }), join(OUTPUT, 'incremental-cold'));
  expect(cold.status, cold.output).toBe(0);
  const fromCache = Number(/(\d+) from the page cache/.exec(incremental.output)?.[1] ?? -1);
  return {
    differences: differences(join(OUTPUT, 'incremental'), join(OUTPUT, 'incremental-cold')),
    fromCache,
  };
}

describe('a rebuild from the page cache', () => {
  it('is byte-identical to a cold build after an edit, an added edition, a deleted edition and a changed setting', () => {
    rmSync(join(ROOT, SRC), { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/site'), join(ROOT, SRC), { recursive: true });
    // Fill the cache.
    expect(incrementalAgainstCold().differences).toEqual([]);

    // An edit to a story of the latest edition: its page alone is rendered again, the other two come from the cache.
    const latest = join(EDITIONS, '2026-01-19-edition-4.md');
    // Words no earlier run wrote, so no earlier run's cache entry can match.
    const words = `Second story, edited in run ${process.pid}-${Date.now()}.`;
    writeFileSync(latest, readFileSync(latest, 'utf8').replace('Second story.', words));
    const edited = incrementalAgainstCold();
    expect(edited.differences).toEqual([]);
    expect(edited.fromCache).toBe(2);
    expect(readFileSync(join(OUTPUT, 'incremental/editions/4/index.html'), 'utf8')).toContain(words);

    // A new headline shows on its neighbour's page too: that page is rendered again, not taken from the cache.
    const first = join(EDITIONS, '2025-12-29-edition-1.md');
    writeFileSync(
      first,
      readFileSync(first, 'utf8').replace('Small models, long threads', 'Small models, longer threads'),
    );
    expect(incrementalAgainstCold().differences).toEqual([]);
    expect(readFileSync(join(OUTPUT, 'incremental/editions/3/index.html'), 'utf8')).toContain(
      'Small models, longer threads',
    );

    // An added edition.
    writeFileSync(
      join(EDITIONS, '2025-12-30-edition-2.md'),
      '---\nedition: 2\ndate: 2025-12-30\n---\n\nA new intro.\n\n## A new story {#new}\n\nText.\n',
    );
    expect(incrementalAgainstCold().differences).toEqual([]);

    // A deleted edition: the cache must not put its page back.
    rmSync(join(EDITIONS, '2025-12-30-edition-2.md'));
    const deleted = incrementalAgainstCold();
    expect(deleted.differences).toEqual([]);
    expect(readFileSync(join(OUTPUT, 'incremental/sitemap-0.xml'), 'utf8')).not.toContain('/editions/2/');

    // A changed setting changes every page.
    const moved = incrementalAgainstCold({ SITE_URL: `https://moved-${process.pid}-${Date.now()}.example.org` });
    expect(moved.differences).toEqual([]);
    expect(moved.fromCache).toBe(0);
  });
});
