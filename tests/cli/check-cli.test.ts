import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = 'tests/fixtures/check';
const run = promisify(execFile);

/** Runs `npm run check`'s script over one folder; never throws on a non-zero exit. */
async function check(dir: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/check.ts', '--dir', dir], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A case is a folder of editions, or an `editions/` folder with a `topics.yaml` beside it. */
function editionsOf(dir: string): string {
  return existsSync(join(ROOT, dir, 'editions')) ? `${dir}/editions` : dir;
}

function expected(dir: string): string[] {
  return readFileSync(join(ROOT, dir, 'expected.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
}

describe.concurrent('npm run check on each invalid edition', () => {
  it.each(readdirSync(join(ROOT, CORPUS, 'invalid')))('%s: exits 1 and prints the exact line', async (name) => {
    const dir = `${CORPUS}/invalid/${name}`;
    const { code, stdout, stderr } = await check(editionsOf(dir));
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(expected(dir));
    expect(lines.at(-1)).toMatch(/^[1-9]\d* errors?, \d+ warnings? in \d+ editions?$/);
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });
});

describe.concurrent('npm run check on accepted variants', () => {
  it.each(readdirSync(join(ROOT, CORPUS, 'valid')))('%s: exits 0, printing only warnings', async (name) => {
    const dir = `${CORPUS}/valid/${name}`;
    const { code, stdout } = await check(editionsOf(dir));
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(expected(dir));
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings? in \d+ editions?$/);
    expect(code).toBe(0);
  });
});

describe('npm run check for tools', () => {
  it('prints the same findings as JSON with --format json', async () => {
    const { stdout, code } = await run(
      process.execPath,
      ['scripts/check.ts', '--dir', `${CORPUS}/invalid/link-javascript`, '--format', 'json'],
      { cwd: ROOT },
    ).catch((e) => e);
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      {
        file: `${CORPUS}/invalid/link-javascript/2026-04-05-edition-7.md`,
        line: 6,
        field: 'link',
        message: 'javascript: links run script; not allowed, got "javascript:alert(1)"',
        severity: 'error',
      },
    ]);
    expect(report.summary).toBe('1 error, 0 warnings in 1 edition');
  });

  it('annotates each problem for GitHub when GITHUB_ACTIONS=true', async () => {
    const { stdout } = await check(`${CORPUS}/invalid/date-not-iso`, { GITHUB_ACTIONS: 'true' });
    expect(stdout).toContain(
      `::error file=${CORPUS}/invalid/date-not-iso/2026-04-05-edition-7.md,line=3,title=date::date: expected an ISO 8601 date or date-time, got "April 5"`,
    );
  });

  it('lists drafts and scheduled editions as left out of production', async () => {
    const { stdout, code } = await check('tests/fixtures/site/editions', { BUILD_DATE: '2026-06-01T00:00:00Z' });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'tests/fixtures/site/editions/2026-01-20-edition-5.md  draft: edition 5 (2026-01-20T00:00:00-05:00) is left out of production builds',
    );
    expect(stdout).toContain(
      'tests/fixtures/site/editions/2026-12-01-edition-6.md  scheduled: edition 6 (2026-12-01T09:00:00-05:00) is left out of production builds',
    );
  });
});

describe('environment mistakes', () => {
  it('are one problem line and exit 1 in check and new, never a stack trace', async () => {
    const line = 'BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got "garbage"';
    const checked = await check(`${CORPUS}/valid/every-field`, { BUILD_DATE: 'garbage' });
    expect([checked.code, checked.stderr.trim()]).toEqual([1, line]);
    const created = await run(process.execPath, ['scripts/new.ts', '--dir', 'tests/.output/never'], {
      cwd: ROOT,
      env: { ...process.env, BUILD_DATE: 'garbage' },
    }).catch((e) => e);
    expect([created.code, created.stderr.trim()]).toEqual([1, line]);
    const empty = await run(process.execPath, ['scripts/check.ts'], {
      cwd: ROOT,
      env: { ...process.env, EDITIONS_DIR: '' },
    }).catch((e) => e);
    expect([empty.code, empty.stderr.trim()]).toEqual([
      1,
      'EDITIONS_DIR: expected a folder such as content/editions, got "" (unset it for the default)',
    ]);
  });
});

describe('npm run new', () => {
  const dir = 'tests/.output/new/editions';
  const folder = join(ROOT, dir);

  it('creates the next edition as a draft that passes the check, and never overwrites it', async () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    copyFileSync(
      join(ROOT, CORPUS, 'valid/every-field/2026-04-05-edition-7.md'),
      join(folder, '2026-04-05-edition-7.md'),
    );
    const created = await run(process.execPath, ['scripts/new.ts', '--dir', dir, '--date', '2026-04-12'], {
      cwd: ROOT,
    });
    expect(created.stdout).toContain(
      `Created ${dir}/2026-04-12-edition-8.md: edition 8, dated 2026-04-12, as a draft.`,
    );
    const text = readFileSync(join(folder, '2026-04-12-edition-8.md'), 'utf8');
    expect(text).toMatch(/^---\nedition: 8\ndate: 2026-04-12\ndraft: true\n/);

    const checked = await check(dir);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`${dir}/2026-04-12-edition-8.md  draft: edition 8`);

    // A half-written file whose number cannot be read yet holds the name the next edition would take.
    writeFileSync(join(folder, '2026-04-12-edition-9.md'), 'My work, no front matter yet.\n');
    const again = await run(process.execPath, ['scripts/new.ts', '--dir', dir, '--date', '2026-04-12'], {
      cwd: ROOT,
    }).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${dir}/2026-04-12-edition-9.md already exists; nothing was written`);
    expect(readFileSync(join(folder, '2026-04-12-edition-9.md'), 'utf8')).toBe('My work, no front matter yet.\n');
  });
});
