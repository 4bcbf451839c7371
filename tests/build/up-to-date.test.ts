import { readFileSync, rmSync, statSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, ROOT } from './sites.ts';

describe('a rebuild with nothing changed', () => {
  const editions = 'tests/.output/up-to-date-src/editions';
  // A cache root of its own: the build records below are of this file's builds alone, which another file's
  // builds, running meanwhile, would otherwise prune (the last three builds keep their entries, src/cache/).
  const cache = mkdtempSync(join(tmpdir(), 'up-to-date-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const site = {
    name: 'up-to-date',
    editions,
    env: { BUILD_DATE: '2026-06-01T00:00:00Z', NEWSLETTER_CACHE_DIR: cache },
  };
  const out = join(OUTPUT, 'up-to-date');
  const first = join(ROOT, editions, '2025-12-29-edition-1.md');

  it('leaves dist/ as it is, and builds again when an input, the clock or dist/ changes', () => {
    rmSync(join(ROOT, 'tests/.output/up-to-date-src'), { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/site'), join(ROOT, 'tests/.output/up-to-date-src'), { recursive: true });
    rmSync(out, { recursive: true, force: true });
    expect(buildSite(site, out).output).toContain('site written to');
    const builtAt = statSync(join(out, 'index.html')).mtimeMs;

    const again = buildSite(site, out);
    expect(again.status).toBe(0);
    expect(again.output).toContain('site is up to date: no input changed since the last build');
    expect(statSync(join(out, 'index.html')).mtimeMs).toBe(builtAt);

    // An edit to an edition is an input change.
    writeFileSync(first, `${readFileSync(first, 'utf8')}\nOne more line.\n`);
    expect(buildSite(site, out).output).toContain('site written to');
    expect(readFileSync(join(out, 'editions/1/index.html'), 'utf8')).toContain('One more line.');
    expect(buildSite(site, out).output).toContain('site is up to date');

    // Edition 6 is scheduled for 2026-12-01: once "now" passes that, it is published with no file changed.
    const later = buildSite({ ...site, env: { ...site.env, BUILD_DATE: '2026-12-02T00:00:00Z' } }, out);
    expect(later.output).toContain('site written to');
    expect(statSync(join(out, 'editions/6/index.html')).isFile()).toBe(true);

    // A page removed from dist/ by hand is noticed.
    rmSync(join(out, 'editions/6/index.html'));
    expect(buildSite({ ...site, env: { ...site.env, BUILD_DATE: '2026-12-02T00:00:00Z' } }, out).output).toContain(
      'site written to',
    );
  });
});
