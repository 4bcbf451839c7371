/**
 * Where a build may write: a symlinked output folder, another file system,
 * a full disk. File-system oddities are made at test time in temporary
 * folders (a tmpfs mounted for the test, as CI runs as root), never committed.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, ROOT } from './sites.ts';

const temp = mkdtempSync(join(tmpdir(), 'output-folders-'));
const mounts: string[] = [];

/** Mounts a tmpfs of `size` at `dir`; false where this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const dir of mounts.reverse()) {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(temp, { recursive: true, force: true });
});

/** Another file system than the project's: a tmpfs mounted here, else /dev/shm, else none (then the test says so). */
const other = (() => {
  const dir = join(temp, 'other-fs');
  if (mountTmpfs(dir, '64m')) return { dir, how: 'a tmpfs mounted for the test' };
  const shm = mkdtempSync('/dev/shm/output-folders-');
  if (statSync(shm).dev !== statSync(ROOT).dev) return { dir: shm, how: '/dev/shm' };
  return { dir: shm, how: 'NONE: this machine offers no other file system, so this builds onto the same one' };
})();

const site = (editions: string) => ({ name: 'output-folders', editions, env: { BUILD_DATE: '2026-06-01T00:00:00Z' } });
const FIXTURE = 'tests/fixtures/site/editions';

/** Every path under a folder with its kind, to show what a build left there. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => `${path}${lstatSync(join(dir, path)).isSymbolicLink() ? ' ->' : ''}`)
    .sort();
}

describe('a build writes only where it should', () => {
  it('follows a symlinked output folder, in an editions folder holding a FIFO, link loops and /dev/zero', () => {
    const editions = join(OUTPUT, 'output-folders-src/editions');
    rmSync(join(OUTPUT, 'output-folders-src'), { recursive: true, force: true });
    cpSync(join(ROOT, FIXTURE), editions, { recursive: true });
    execFileSync('mkfifo', [join(editions, 'pipe.md')]);
    symlinkSync('.', join(editions, 'here'));
    symlinkSync('..', join(editions, 'up'));
    symlinkSync('loop.md', join(editions, 'loop.md'));
    symlinkSync('/dev/zero', join(editions, 'zero.md'));
    const deploy = join(temp, 'deploy');
    mkdirSync(deploy);
    symlinkSync(deploy, join(temp, 'site'));

    const first = buildSite(site(relative(ROOT, editions)), join(temp, 'site'));
    expect(first.output).toContain(`site written to ${deploy}\n`);
    expect(first.status).toBe(0);
    for (const line of [
      'output-folders-src/editions/pipe.md  file: warning: a named pipe (FIFO), not a file; skipped',
      'output-folders-src/editions/loop.md  symlink: warning: points to nothing (or to itself); skipped',
    ])
      expect(first.output).toContain(line);
    // The link stays a link, and the site is where it points, marked as a build's.
    expect(lstatSync(join(temp, 'site')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(deploy, 'editions/1/index.html'), 'utf8')).toContain('<html');
    expect(existsSync(join(deploy, '.newsletter-site'))).toBe(true);
    // A rebuild swaps a new site in there again, and leaves nothing beside it.
    const again = buildSite(site(relative(ROOT, editions)), join(temp, 'site'));
    expect(again.status).toBe(0);
    expect(readdirSync(temp).filter((name) => name !== 'other-fs')).toEqual(['deploy', 'site']);
  });

  it(`builds onto another file system (${other.how}), and rebuilds there`, () => {
    const out = join(other.dir, 'site');
    expect(buildSite(site(FIXTURE), out).output).toContain(`site written to ${out}\n`);
    const again = buildSite({ ...site(FIXTURE), env: { BUILD_DATE: '2026-12-02T00:00:00Z' } }, out);
    expect(again.output).toContain(`site written to ${out}\n`);
    expect(again.output).not.toMatch(/EXDEV|^\s+at /m);
    expect(existsSync(join(out, 'editions/6/index.html'))).toBe(true);
    expect(readdirSync(other.dir)).toEqual(['site']);
  });
});

describe('a full disk is one line naming the folder, with nothing left behind', () => {
  const full = join(OUTPUT, `full-disk-${process.pid}`);
  const mounted = mountTmpfs(full, '300k');

  it.runIf(mounted)('when Astro writes onto it (inside the project; needs a tmpfs mount, as root)', () => {
    const out = join(full, 'site');
    const result = buildSite(site(FIXTURE), out);
    expect(result.output).toContain(
      `build: no space left on the disk holding ${out}.next (ENOSPC); nothing was written\n`,
    );
    expect(result.output).not.toMatch(/Stack backtrace|^\s+\d+: |^\s+at /m);
    expect(result.status).toBe(1);
    expect(readdirSync(full)).toEqual([]);
  });

  it.runIf(mounted)('when the site is copied onto it from the project (another file system)', () => {
    const small = join(temp, 'small');
    expect(mountTmpfs(small, '300k')).toBe(true);
    const result = buildSite(site(FIXTURE), join(small, 'site'));
    expect(result.output).toContain(
      `build: no space left on the disk holding ${join(small, 'site')}.next (ENOSPC); nothing was written\n`,
    );
    expect(result.status).toBe(1);
    expect(tree(small)).toEqual([]);
  });
});
