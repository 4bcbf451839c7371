/**
 * Time budgets for what a command loads before it can check anything: the
 * settings module (and what it imports) and `topics.yaml`. Each ends in one
 * line naming the file and the budget, exit 1, within seconds. The cases
 * run at the same time: each waits out a budget of 10 s.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopics, loadTopicsWithin } from '../../src/loader/load-topics.ts';
import { SETTINGS_BUDGET_MS, TOPICS_BUDGET_MS } from '../../src/rules/limits.ts';

const ROOT = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'load-budgets-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const run = promisify(execFile);
/** The budget, then Node's start on a busy machine. */
const LIMIT_MS = SETTINGS_BUDGET_MS + 15_000;

/** Runs a command; never throws on a non-zero exit or a kill. */
async function command(file: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: options.cwd ?? ROOT,
      timeout: LIMIT_MS,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    return { code: 0 as number | string, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string; killed?: boolean };
    return { code: e.killed ? 'killed' : e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

const stopped = (module: string) =>
  `${module}  settings: took longer than 10 s to load and was stopped; look for a loop, or a slow import, in it or in a file it imports\n`;

describe.concurrent('a settings module that never finishes loading', () => {
  it('named by SITE_CONFIG, and looping in a file it imports: `npm run check` says so in one line', async () => {
    const dir = join(temp, 'site-config');
    mkdirSync(dir);
    writeFileSync(join(dir, 'settings.ts'), "import './slow.ts';\nexport default { name: 'Slow' };\n");
    writeFileSync(join(dir, 'slow.ts'), 'while (true) {}\n');
    // `npm run check`'s own command line, from package.json, with this test's Node first on the PATH.
    const check = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
      .scripts['check']!;
    const result = await command('sh', ['-c', check], {
      env: {
        SITE_CONFIG: relative(ROOT, join(dir, 'settings.ts')),
        PATH: `${dirname(process.execPath)}:${process.env['PATH']}`,
      },
    });
    expect(result.stderr).toBe(stopped(relative(ROOT, join(dir, 'settings.ts'))));
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(LIMIT_MS);
  });

  it('src/site.config.ts itself, which src/site/settings.ts imports before any script runs', async () => {
    const project = join(temp, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src/site.config.ts'), 'while (Date.now() > 0) {}\nexport default {};\n');
    const result = await command(process.execPath, [join(ROOT, 'scripts/require-node.js'), 'settings'], {
      cwd: project,
    });
    expect(result.stderr).toBe(stopped(join('src', 'site.config.ts')));
    expect(result.code).toBe(1);
    // Settings that load are passed on to the script in silence.
    expect(await command(process.execPath, ['scripts/require-node.js', 'settings'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});

describe.concurrent('a topics.yaml the YAML parser would take minutes over', () => {
  /** An editions folder with one edition, and `topics.yaml` beside it. */
  function site(name: string, topics: string): string {
    const editions = join(temp, name, 'editions');
    mkdirSync(editions, { recursive: true });
    writeFileSync(join(editions, '2026-04-05-edition-7.md'), '---\nedition: 7\ndate: 2026-04-05\n---\n\nAn intro.\n');
    writeFileSync(join(temp, name, 'topics.yaml'), topics);
    return editions;
  }

  it('is stopped at the budget, in one line naming it (2 MB of "[")', async () => {
    const editions = site('brackets', `a: ${'['.repeat(2 * 1024 * 1024 - 8)}\n`);
    const result = await command(process.execPath, ['scripts/check.ts', '--dir', editions]);
    expect(result.stdout.split('\n')[0]).toBe(
      `${join(temp, 'brackets/topics.yaml')}  topics: took longer than 10 s to read and was stopped; look for lists or maps nested very deeply, or very long ones written on one line ([…], {…})`,
    );
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(TOPICS_BUDGET_MS + 15_000);
  });

  it('is read in a child process when large, with the same topics and lines as in this process', async () => {
    const dir = join(temp, 'large');
    mkdirSync(dir);
    const entries = Array.from(
      { length: 3000 },
      (_, i) => `topic-${i}:\n  name: Topic ${i}\n  description: About ${i}.\n`,
    );
    writeFileSync(join(dir, 'topics.yaml'), entries.join(''));
    const here = loadTopics(dir, 'topics.yaml');
    expect(Object.keys(here.topics)).toHaveLength(3000);
    expect(here.lines['topic-2999']).toBe(8998);
    expect(await loadTopicsWithin(dir, 'topics.yaml')).toEqual(here);
  });

  it.each([
    ['a flow list of 500,000 items', `a: [${'1,'.repeat(500_000)}]\n`],
    ['250,000 aliases', `a: &x y\nb:\n${'  - *x\n'.repeat(250_000)}`],
  ])('is stopped at a shorter budget too: %s', async (_, text) => {
    const dir = join(temp, `slow-${text.length}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'topics.yaml'), text);
    expect((await loadTopicsWithin(dir, 'topics.yaml', 500)).problems).toEqual([
      {
        file: 'topics.yaml',
        line: undefined,
        field: 'topics',
        message:
          'took longer than 0.5 s to read and was stopped; look for lists or maps nested very deeply, or very long ones written on one line ([…], {…})',
        severity: 'error',
      },
    ]);
  });
});
