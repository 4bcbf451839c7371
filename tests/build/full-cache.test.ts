/**
 * A full cache folder only costs speed: every store of the build (page plan
 * and pages, artifacts, search documents, compiled editions, build records)
 * fails to write, and the site comes out the same. The full disk is a tmpfs
 * mounted for the test and filled up (CI runs as root, where `chmod` stops
 * nothing), never committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT } from './sites.ts';

const temp = mkdtempSync(join(tmpdir(), 'full-cache-'));
const full = join(temp, 'cache');

/** A tmpfs at `full` with every block taken; false where this machine cannot mount one. */
const mounted = (() => {
  mkdirSync(full);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full], { stdio: 'ignore' });
  } catch {
    return false;
  }
  try {
    for (let i = 0; ; i++) writeFileSync(join(full, `filler-${i}`), Buffer.alloc(64 * 1024));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  return true;
})();

afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', full]);
  rmSync(temp, { recursive: true, force: true });
});

/** Every file under a folder, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

const site = (cache: string) => ({
  name: 'full-cache',
  editions: 'tests/fixtures/site/editions',
  env: { BUILD_DATE: '2026-06-01T00:00:00Z', NEWSLETTER_CACHE_DIR: cache },
});

describe('a full cache folder', () => {
  it.runIf(mounted)('builds the same site as an empty cache, with one warning naming the folder', () => {
    const normal = join(OUTPUT, 'full-cache-normal');
    const fromFull = join(OUTPUT, 'full-cache-full');
    const first = buildSite(site(join(temp, 'empty-cache')), normal);
    expect(first.status, first.output).toBe(0);
    const result = buildSite(site(full), fromFull);
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/^\s+at /m);
    // The warnings of a normal build, and one more that names the cache folder: nothing else mentions it.
    const warnings = (output: string) =>
      output
        .split('\n')
        .filter((line) => /warning|ENOSPC/i.test(line))
        .map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''));
    // (The build's own lines are on stderr, which `buildSite` puts after Astro's.)
    expect(warnings(result.output)).toEqual([
      ...warnings(first.output),
      `build: warning: the cache folder ${full} cannot be written (ENOSPC: no space left on device, write); building without the cache and without the lock that keeps two builds of this checkout apart`,
    ]);
    expect(result.output.split('\n').filter((line) => line.includes(full))).toHaveLength(1);
    // Pagefind names its index files by their content, which depends on the order it was given the pages
    // (from a folder, the order the file system lists them): the same number of them, for the same pages.
    const index = /^pagefind\/(?:index\/.*\.pf_index|pagefind\..*\.pf_meta|pagefind-entry\.json)$/;
    const entry = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry(fromFull).languages['en-us'].page_count).toBe(3);
    expect(entry(fromFull).languages['en-us'].page_count).toBe(entry(normal).languages['en-us'].page_count);
    expect(files(fromFull).filter((path) => index.test(path))).toHaveLength(
      files(normal).filter((path) => index.test(path)).length,
    );
    const written = files(fromFull).filter((path) => !index.test(path));
    expect(written).toEqual(files(normal).filter((path) => !index.test(path)));
    expect(written).toEqual(
      expect.arrayContaining([
        'editions/4/index.html',
        'editions/4/social.png',
        'editions/4/email.html',
        'editions/4/email.txt',
        'feed.json',
        'pagefind/pagefind.js',
      ]),
    );
    // Pages, feeds, search fragments, social images and emails: byte for byte.
    for (const path of written)
      expect(readFileSync(join(fromFull, path)), path).toEqual(readFileSync(join(normal, path)));
    // Nothing was cached, and no lock was left behind: the tmpfs holds the filler and empty files or folders.
    const left = readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((path) => !path.startsWith('filler-'));
    expect(left).not.toContain('build.lock');
    expect(left.filter((path) => statSync(join(full, path)).size > 0 && statSync(join(full, path)).isFile())).toEqual(
      [],
    );
  });
});
