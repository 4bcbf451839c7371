import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs as root, whom a read-only folder does not stop: writing to these paths fails as the code says.
const failing = new Map<string, string>();
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const messages: Record<string, string> = { EROFS: 'read-only file system', ENOSPC: 'no space left on device' };
  const guard =
    <A extends unknown[], R>(call: (path: string, ...rest: A) => R) =>
    (path: string, ...rest: A): R => {
      const code = failing.get(String(path));
      if (code) throw Object.assign(new Error(`${code}: ${messages[code]}, open '${String(path)}'`), { code });
      return call(path, ...rest);
    };
  return {
    ...fs,
    writeFileSync: guard(fs.writeFileSync as (path: string, ...rest: unknown[]) => unknown),
    rmSync: guard(fs.rmSync as (path: string, ...rest: unknown[]) => unknown),
  };
});
import { acquireLock, outDirProblem, swapIn, type SwapFs } from '../../scripts/lib/build-safety.ts';
import { markOwned, outputFolders } from '../../scripts/lib/output-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'build-safety-'));
for (const folder of ['content/editions', 'src', 'public', 'node_modules', 'elsewhere/editions', 'project'])
  mkdirSync(join(root, folder), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the output folder', () => {
  it('may never be the project, contain it, or be or hold one of its own folders', () => {
    const at = (out: string) => outDirProblem(join(root, out), root, join(root, 'elsewhere/editions'));
    expect(at('content')).toBe(
      `OUT_DIR: expected a folder of its own for the built site, such as dist, got ${JSON.stringify(join(root, 'content'))} (the project's content/ folder); nothing was built or deleted`,
    );
    expect(at('content/editions/site')).toMatch(/\(the project's content\/ folder\)/);
    expect(at('src')).toMatch(/src\/ folder/);
    expect(at('public')).toMatch(/public\/ folder/);
    expect(at('node_modules/.cache/site')).toMatch(/node_modules\/ folder/);
    expect(at('.')).toMatch(/\(the project root\)/);
    expect(at('..')).toMatch(/\(it contains the project\)/);
    expect(at('elsewhere')).toMatch(/\(the editions folder\)/);
    expect(at('dist')).toBeNull();
    expect(at('tests/.output/site')).toBeNull();
  });

  it('sees through a symbolic link to a protected folder', () => {
    symlinkSync(join(root, 'content'), join(root, 'site-link'));
    expect(outDirProblem(join(root, 'site-link'), root)).toMatch(/content\/ folder/);
    expect(outDirProblem(join(root, 'site-link/out'), root)).toMatch(/content\/ folder/);
  });
});

describe('one build at a time', () => {
  const lock = join(root, 'node_modules/.cache/newsletter/build.lock');

  it('stops a second build while the first runs, and releases the lock', () => {
    const release = acquireLock(lock, 111, () => true);
    expect(readFileSync(lock, 'utf8')).toBe('111');
    expect(() => acquireLock(lock, 222, () => true)).toThrow(
      `build: another build (pid 111) is running in this checkout; wait for it or remove ${lock} if it is not`,
    );
    release();
    expect(existsSync(lock)).toBe(false);
    acquireLock(lock, 222, () => true)();
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(lock, '111\n');
    const release = acquireLock(lock, 222, (pid) => pid !== 111);
    expect(readFileSync(lock, 'utf8')).toBe('222');
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('does not remove a lock another build has taken since', () => {
    const release = acquireLock(lock, 111, () => false);
    writeFileSync(lock, '333');
    release();
    expect(readFileSync(lock, 'utf8')).toBe('333');
    rmSync(lock);
  });
});

describe('swapping the new site in', () => {
  const denied = (code: string) => Object.assign(new Error(`${code}: permission denied, rename 'a' -> 'b'`), { code });

  function fakeFs(failOn: (op: string, path: string) => boolean) {
    const state = new Set(['dist', 'dist.next']);
    const calls: string[] = [];
    const fs: SwapFs = {
      exists: (path) => state.has(path),
      remove: (path) => {
        calls.push(`rm ${path}`);
        if (failOn('rm', path)) throw denied('EACCES');
        state.delete(path);
      },
      rename: (from, to) => {
        calls.push(`mv ${from} ${to}`);
        if (failOn('mv', from)) throw denied('EPERM');
        state.delete(from);
        state.add(to);
      },
    };
    return { fs, state, calls };
  }

  it('replaces dist and removes the previous site', () => {
    const { fs, state } = fakeFs(() => false);
    expect(swapIn('dist.next', 'dist', fs)).toEqual([]);
    expect([...state]).toEqual(['dist']);
  });

  it('puts the previous dist back when the new one cannot take its place', () => {
    const { fs, state, calls } = fakeFs((op, path) => op === 'mv' && path === 'dist.next');
    expect(() => swapIn('dist.next', 'dist', fs)).toThrow(
      'build: cannot replace dist (EPERM: permission denied); dist was left as it was',
    );
    expect(calls).toContain('mv dist.previous dist');
    expect(state.has('dist')).toBe(true);
  });

  it('names the path when the previous site cannot be moved aside, and leaves it', () => {
    const { fs, state } = fakeFs((op, path) => op === 'mv' && path === 'dist');
    expect(() => swapIn('dist.next', 'dist', fs)).toThrow(
      'build: cannot move dist aside to dist.previous (EPERM: permission denied); dist was left as it was',
    );
    expect(state.has('dist')).toBe(true);
  });

  it('names the path when a leftover cannot be removed', () => {
    const { fs } = fakeFs((op, path) => op === 'rm' && path === 'dist.previous');
    expect(() => swapIn('dist.next', 'dist', fs)).toThrow(
      'build: cannot remove dist.previous (EACCES: permission denied); dist was left as it was',
    );
  });
});

describe('which folders a build may delete', () => {
  const project = join(root, 'project');
  const elsewhere = join(root, 'elsewhere-site');
  const folders = (setting: string | undefined) => outputFolders(setting, project, project);
  const refusal = (folder: string, what: string, role = '', label = 'OUT_DIR') =>
    `${label}: ${folder}${role} is ${what}, so a build did not write it; expected an empty folder or one a build wrote; nothing was built or deleted`;

  it('refuses a folder holding files without the marker, naming it, and leaves it as it was', () => {
    mkdirSync(join(project, 'docs'), { recursive: true });
    writeFileSync(join(project, 'docs/edition-format.md'), 'the contract');
    expect(() => folders('docs')).toThrow(
      refusal(join(project, 'docs'), 'a folder with files in it and no .newsletter-site'),
    );
    expect(readFileSync(join(project, 'docs/edition-format.md'), 'utf8')).toBe('the contract');
  });

  it('accepts a missing folder, an empty one, one a build marked, and the project’s own dist', () => {
    expect(folders('new-site').out).toBe(join(project, 'new-site'));
    mkdirSync(join(project, 'empty'));
    expect(folders('empty').next).toBe(join(project, 'empty.next'));
    mkdirSync(join(project, 'built'));
    writeFileSync(join(project, 'built/index.html'), 'a page');
    markOwned(join(project, 'built'));
    expect(folders('built').previous).toBe(join(project, 'built.previous'));
    mkdirSync(join(project, 'dist'));
    writeFileSync(join(project, 'dist/index.html'), 'built before the marker existed');
    expect(folders(undefined)).toEqual({
      label: 'dist',
      out: join(project, 'dist'),
      next: join(project, 'dist.next'),
      previous: join(project, 'dist.previous'),
    });
    rmSync(join(project, 'dist'), { recursive: true });
  });

  it('takes a marker with other content for a foreign file', () => {
    mkdirSync(join(project, 'fake'));
    writeFileSync(join(project, 'fake/.newsletter-site'), 'mine\n');
    expect(() => folders('fake')).toThrow(
      refusal(join(project, 'fake'), 'a folder with files in it and no .newsletter-site'),
    );
  });

  it('refuses a .next or .previous beside the output that a build did not write', () => {
    mkdirSync(join(project, 'site.next'));
    writeFileSync(join(project, 'site.next/notes.txt'), 'mine');
    expect(() => folders('site')).toThrow(
      refusal(
        join(project, 'site'),
        'a folder with files in it and no .newsletter-site',
        '.next (where the new site is staged)',
      ),
    );
    writeFileSync(join(project, 'site.previous'), 'a file of mine');
    rmSync(join(project, 'site.next'), { recursive: true });
    expect(() => folders('site')).toThrow(
      refusal(join(project, 'site'), 'a file', '.previous (where the site being replaced waits during the swap)'),
    );
    expect(readFileSync(join(project, 'site.previous'), 'utf8')).toBe('a file of mine');
  });

  it('follows a dist that is a symbolic link, and names a link to nothing', () => {
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(project, 'dist'));
    expect(folders(undefined)).toMatchObject({ out: elsewhere, next: `${elsewhere}.next` });
    writeFileSync(join(elsewhere, 'deploy.txt'), 'not a site');
    expect(() => folders(undefined)).toThrow(
      refusal(elsewhere, 'a folder with files in it and no .newsletter-site', '', 'dist'),
    );
    rmSync(join(project, 'dist'));
    symlinkSync(join(root, 'gone'), join(project, 'dist'));
    expect(() => folders(undefined)).toThrow(
      `dist: ${join(project, 'dist')} is a symbolic link to ${join(root, 'gone')}, which does not exist (or leads back to itself); make that folder or remove the link; nothing was built`,
    );
    rmSync(join(project, 'dist'));
  });
});

describe('a cache folder that cannot be written only costs speed', () => {
  const lock = join(root, 'read-only-cache/newsletter/build.lock');
  const warning = (why: string) =>
    `build: warning: the cache folder ${dirname(lock)} cannot be written (${why}); building without the cache and without the lock that keeps two builds of this checkout apart`;

  /** Takes and releases the lock as a build whose peers are all gone; returns the warnings printed. */
  const warningsTakingLock = () => {
    const lines: string[] = [];
    acquireLock(
      lock,
      222,
      () => false,
      (line) => lines.push(line),
    )();
    return lines;
  };

  it.each([
    ['EROFS', 'read-only file system'],
    ['ENOSPC', 'no space left on device'],
  ])('builds on with one warning when the lock cannot be written (%s)', (code, text) => {
    failing.set(lock, code);
    const lines = warningsTakingLock();
    expect(lines).toEqual([warning(`${code}: ${text}`)]);
    failing.clear();
  });

  it('does not call a stale lock in a read-only cache another build', () => {
    mkdirSync(dirname(lock), { recursive: true });
    writeFileSync(lock, '111');
    failing.set(lock, 'EROFS');
    // The lock can be read, but neither written nor removed.
    const lines = warningsTakingLock();
    expect(lines).toEqual([warning('EROFS: read-only file system')]);
    failing.clear();
    expect(readFileSync(lock, 'utf8')).toBe('111');
  });
});
