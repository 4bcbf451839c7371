import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { loadContent } from '../../src/loader/load-content.ts';
import { readEditionFile, scanEditionFiles } from '../../src/loader/scan-editions.ts';
import { SETTINGS } from '../support/compile.ts';

// Tests run as root, whom chmod 000 does not stop: an unreadable file or folder is simulated.
const denied = new Set<string>();
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const guard =
    <A extends unknown[], R>(call: (path: string, ...rest: A) => R) =>
    (path: string, ...rest: A): R => {
      if (denied.has(String(path)))
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
      return call(path, ...rest);
    };
  return {
    ...fs,
    readFileSync: guard(fs.readFileSync as (path: string, ...rest: unknown[]) => unknown),
    readdirSync: guard(fs.readdirSync as (path: string, ...rest: unknown[]) => unknown),
    openSync: guard(fs.openSync as (path: string, ...rest: unknown[]) => unknown),
  };
});

let root: string;
let outside: string;
const editions = () => join(root, 'content/editions');
const edition = (n: number) => `---\nedition: ${n}\ndate: 2026-01-0${n}\n---\n\nIntro of ${n}.\n`;
const load = async (dir = 'content/editions') => {
  const result = await loadContent({ root, dir, settings: SETTINGS, cache: false });
  return { numbers: result.editions.map((e) => e.number), lines: result.problems.map(formatProblem) };
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'faults-'));
  outside = mkdtempSync(join(tmpdir(), 'outside-'));
  mkdirSync(editions(), { recursive: true });
  writeFileSync(join(editions(), 'a.md'), edition(1));
});
afterEach(() => {
  denied.clear();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('file-system faults are problem lines', () => {
  it('names an edition file that cannot be read, and still reads the others', async () => {
    writeFileSync(join(editions(), 'b.md'), edition(2));
    denied.add(join(editions(), 'b.md'));
    expect(await load()).toEqual({
      numbers: [1],
      lines: [
        'content/editions/b.md  file: cannot be read (EACCES: permission denied); expected a readable edition file',
      ],
    });
  });

  it('names a sub-folder that cannot be read', async () => {
    mkdirSync(join(editions(), '2026'));
    denied.add(join(editions(), '2026'));
    expect((await load()).lines).toEqual([
      'content/editions/2026  editions: cannot be read (EACCES: permission denied); expected a readable folder of edition files',
    ]);
  });

  it('names a topics.yaml that is a folder', async () => {
    mkdirSync(join(root, 'content/topics.yaml'));
    expect(await load()).toEqual({
      numbers: [1],
      lines: [
        'content/topics.yaml  topics: cannot be read (EISDIR: it is a folder); expected a YAML file of topic names and descriptions',
      ],
    });
  });

  it('names an editions "folder" that is a file, or under a file', async () => {
    writeFileSync(join(root, 'content/editions.md'), 'not a folder');
    expect((await load('content/editions.md')).lines).toEqual([
      'content/editions.md  editions: not a folder but a file; expected the folder of edition files (content/editions)',
    ]);
    expect((await load('content/editions.md/2026')).lines).toEqual([
      'content/editions.md/2026  editions: no such folder; expected the folder of edition files (content/editions)',
    ]);
  });
});

describe('symbolic links are followed inside the project, and never skipped silently', () => {
  it('follows a link to an edition file or folder inside the project', async () => {
    mkdirSync(join(root, 'drafts/2026'), { recursive: true });
    writeFileSync(join(root, 'drafts/b.md'), edition(2));
    writeFileSync(join(root, 'drafts/2026/c.md'), edition(3));
    symlinkSync(join(root, 'drafts/b.md'), join(editions(), 'b.md'));
    symlinkSync(join(root, 'drafts/2026'), join(editions(), '2026'));
    expect(await load()).toEqual({ numbers: [3, 2, 1], lines: [] });
  });

  it('skips with a warning a link outside the project, to nothing, or back to its own folder', async () => {
    writeFileSync(join(outside, 'b.md'), edition(2));
    symlinkSync(join(outside, 'b.md'), join(editions(), 'b.md'));
    symlinkSync(join(root, 'gone.md'), join(editions(), 'c.md'));
    symlinkSync(editions(), join(editions(), 'loop'));
    const { numbers, lines } = await load();
    expect(numbers).toEqual([1]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^content\/editions\/b\.md {2}symlink: warning: points outside the project \(to .*\/b\.md\); skipped, expected a file or folder inside it$/,
      ),
      'content/editions/c.md  symlink: warning: points to nothing (or to itself); skipped',
      'content/editions/loop  symlink: warning: points back to a folder that contains it; skipped',
    ]);
  });
});

describe('the editions folder is read through one safe scan: nothing in it can hang or exhaust the build', () => {
  it('skips a named pipe with a warning, without opening it', async () => {
    execFileSync('mkfifo', [join(editions(), 'pipe.md')]);
    execFileSync('mkfifo', [join(editions(), 'notes')]);
    expect(await load()).toEqual({
      numbers: [1],
      lines: ['content/editions/pipe.md  file: warning: a named pipe (FIFO), not a file; skipped'],
    });
  });

  it('skips links that point to themselves, to each other, and two links back to the folder', async () => {
    symlinkSync('self.md', join(editions(), 'self.md'));
    symlinkSync('y.md', join(editions(), 'x.md'));
    symlinkSync('x.md', join(editions(), 'y.md'));
    symlinkSync('.', join(editions(), 'here'));
    symlinkSync('..', join(editions(), 'up'));
    expect((await load()).lines).toEqual([
      'content/editions/here  symlink: warning: points back to a folder that contains it; skipped',
      'content/editions/self.md  symlink: warning: points to nothing (or to itself); skipped',
      'content/editions/up  symlink: warning: points back to a folder that contains it; skipped',
      'content/editions/x.md  symlink: warning: points to nothing (or to itself); skipped',
      'content/editions/y.md  symlink: warning: points to nothing (or to itself); skipped',
    ]);
  });

  it('never reads a link to /dev/zero: outside the project it is skipped, inside it is a device', () => {
    symlinkSync('/dev/zero', join(editions(), 'zero.md'));
    expect(scanEditionFiles(editions(), root).problems.map(formatProblem)).toEqual([
      'content/editions/zero.md  symlink: warning: points outside the project (to /dev/zero); skipped, expected a file or folder inside it',
    ]);
    const asRoot = scanEditionFiles(editions(), '/');
    expect(asRoot.files).toEqual(['a.md']);
    expect(asRoot.problems.map(formatProblem)).toEqual([
      `${editions().slice(1)}/zero.md  file: warning: a device, not a file; skipped`,
    ]);
    expect(readEditionFile('/dev/zero')).toEqual({
      problem: { file: '/dev/zero', field: 'file', message: 'a device, not a file; skipped', severity: 'warning' },
    });
  });

  it('names a file over the size limit without reading it, however large it says it is', async () => {
    writeFileSync(join(editions(), 'huge.md'), '');
    truncateSync(join(editions(), 'huge.md'), 3 * 1024 ** 3);
    expect(await load()).toEqual({
      numbers: [1],
      lines: ['content/editions/huge.md  file: 3072.0 MB; expected at most 2.0 MB (split it into two editions)'],
    });
  });

  it('reads a file to its end even when its size says less, never past the limit', () => {
    const file = join(editions(), 'a.md');
    expect(readEditionFile(file, 10)).toEqual({
      problem: {
        file,
        field: 'file',
        message: '0.0 MB; expected at most 0.0 MB (split it into two editions)',
        severity: 'error',
      },
    });
    expect(readEditionFile(file)).toEqual({ bytes: Buffer.from(edition(1)) });
    // A file the kernel makes as it is read says its size is 0.
    const status = readEditionFile('/proc/self/status');
    expect('bytes' in status && status.bytes.toString()).toMatch(/^Name:/);
  });
});

describe('topics.yaml is read like an edition', () => {
  it('names a topics.yaml that is a named pipe, or over 2 MB, without reading it', async () => {
    execFileSync('mkfifo', [join(root, 'content/topics.yaml')]);
    expect((await load()).lines).toEqual([
      'content/topics.yaml  topics: cannot be read (a named pipe (FIFO), not a file); expected a YAML file of topic names and descriptions',
    ]);
    rmSync(join(root, 'content/topics.yaml'));
    writeFileSync(join(root, 'content/topics.yaml'), '');
    truncateSync(join(root, 'content/topics.yaml'), 20 * 1024 * 1024);
    expect((await load()).lines).toEqual(['content/topics.yaml  topics: 20.0 MB; expected at most 2.0 MB']);
  });
});
