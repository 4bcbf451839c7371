import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = 'tests/fixtures/hostile';
const GENERATED = 'tests/.output/hostile';
const run = promisify(execFile);
/** The format's compile budget is 10 s; a case may take that plus Node's start. */
const CASE_LIMIT_MS = 15_000;

/** Runs `npm run check` over one folder as GitHub Actions would; never throws on a non-zero exit or a kill. */
async function check(dir: string) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/check.ts', '--dir', dir], {
      cwd: ROOT,
      timeout: CASE_LIMIT_MS,
      env: { ...process.env, GITHUB_ACTIONS: 'true' },
    });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string; killed?: boolean };
    return { code: e.killed ? 'killed' : e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

const FRONT = '---\nedition: 7\ndate: 2026-04-05\n---\n\nAn intro.\n\n';

/** Cases too big to keep in the repository: written at test time, each with the line it must print. */
const GENERATED_CASES: Record<string, { body: () => string; expected: string }> = {
  'emphasis-300k': {
    body: () => `${FRONT}${'*_'.repeat(150_000)}\n`,
    expected:
      ':8  body: 300,000 emphasis ("*", "_") markers in one paragraph; expected at most 10,000 (put a blank line between paragraphs, or code in backticks)',
  },
  'brackets-2mb': {
    body: () => `${FRONT}${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`,
    expected:
      ':8  body: 1,000,000 bracket ("[") markers in one paragraph; expected at most 10,000 (put a blank line between paragraphs, or code in backticks)',
  },
  'indented-list-4mb': {
    body: () => `${FRONT}${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 800)}- item`).join('\n')}\n`,
    expected: '  file: 3.8 MB; expected at most 2.0 MB (split it into two editions)',
  },
};

describe('hostile input: every case is a problem line or a clean pass, within the time limit', () => {
  beforeAll(() => {
    rmSync(join(ROOT, GENERATED), { recursive: true, force: true });
    for (const [name, { body }] of Object.entries(GENERATED_CASES)) {
      mkdirSync(join(ROOT, GENERATED, name), { recursive: true });
      writeFileSync(join(ROOT, GENERATED, name, '2026-04-05-edition-7.md'), body());
    }
  });

  const cases = readdirSync(join(ROOT, CORPUS));
  it('has cases to run', () => expect(cases.length).toBeGreaterThanOrEqual(19));

  it.concurrent.each(cases)('%s', async (name) => {
    const { code, stdout, stderr, ms } = await check(`${CORPUS}/${name}/editions`);
    const expected = readFileSync(join(ROOT, CORPUS, name, 'expected.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const lines = stdout.trim().split('\n');
    const [plain, annotations] = [lines.filter((l) => !l.startsWith('::')), lines.filter((l) => l.startsWith('::'))];
    expect(ms).toBeLessThan(CASE_LIMIT_MS);
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(plain.slice(0, -1)).toEqual(expected);
    expect(code).toBe(expected.some((l) => !l.includes(': warning: ')) ? 1 : 0);
    // Whatever the text, the only workflow commands are the checker's own, one per problem.
    expect(annotations).toHaveLength(expected.length);
    for (const line of annotations) expect(line).toMatch(new RegExp(`^::(error|warning) file=${CORPUS}/${name}/`));
  });

  it.concurrent.each(Object.keys(GENERATED_CASES))('%s (generated)', async (name) => {
    const { code, stdout, stderr, ms } = await check(`${GENERATED}/${name}`);
    expect(ms).toBeLessThan(CASE_LIMIT_MS);
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(stdout.split('\n')[0]).toBe(
      `${GENERATED}/${name}/2026-04-05-edition-7.md${GENERATED_CASES[name]!.expected}`,
    );
    expect(code).toBe(1);
  });
});
