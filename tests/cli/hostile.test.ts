import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = 'tests/fixtures/hostile';
const GENERATED = 'tests/.output/hostile';
const run = promisify(execFile);
/** The format's compile budget is 10 s; a case may take that plus Node's start. */
const CASE_LIMIT_MS = 15_000;

/** Runs `npm run check` over one folder as GitHub Actions would; never throws on a non-zero exit or a kill. */
async function check(dir: string, limit = CASE_LIMIT_MS) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/check.ts', '--dir', dir], {
      cwd: ROOT,
      timeout: limit,
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
const GENERATED_CASES: Record<string, { body: () => string; expected: string; limit?: number }> = {
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
  'ordered-list-markers-20kb': {
    body: () => `${FRONT}${'1. '.repeat(6_700)}\n`,
    expected:
      ':8  body: nested 6700 levels deep (lists, quotes, emphasis, links or HTML elements); expected at most 100',
  },
  'quote-and-list-markers-20kb': {
    body: () => `${FRONT}${'> - '.repeat(5_000)}\n`,
    expected:
      ':8  body: nested 10000 levels deep (lists, quotes, emphasis, links or HTML elements); expected at most 100',
  },
  // Under every other limit (9,000 brackets), and minutes to parse: the compile budget stops it.
  'nested-images-54kb': {
    body: () => `${FRONT}${'!['.repeat(9_000)}x${'](u)'.repeat(9_000)}\n`,
    expected:
      '  file: took longer than 10 s to compile and was stopped; look for a very long paragraph, a huge table or lists nested very deeply',
    // The budget, then the checker's and its child process's start on a busy machine.
    limit: 25_000,
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
    const limit = GENERATED_CASES[name]!.limit ?? CASE_LIMIT_MS;
    const { code, stdout, stderr, ms } = await check(`${GENERATED}/${name}`, limit);
    expect(ms).toBeLessThan(limit);
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(stdout.split('\n')[0]).toBe(
      `${GENERATED}/${name}/2026-04-05-edition-7.md${GENERATED_CASES[name]!.expected}`,
    );
    expect(code).toBe(1);
  });
});

/** What a file is and holds (a named pipe is never opened, a huge file not read), to show that nothing changed. */
function describeEntry(path: string): string {
  const kind = lstatSync(path);
  if (kind.isSymbolicLink()) return `link ${readlinkSync(path)}`;
  if (!kind.isFile()) return `special ${kind.mode}`;
  if (kind.size > 8 * 1024 * 1024) return `file ${kind.size} ${kind.mtimeMs}`;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every entry under a folder (or every file git tracks there), with what it holds. */
function snapshot(dir: string, tracked = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (tracked) {
    for (const file of execFileSync('git', ['ls-files', '-z', dir], { cwd: ROOT, encoding: 'utf8' }).split('\0'))
      if (file) out[file] = describeEntry(join(ROOT, file));
    return out;
  }
  const visit = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) visit(path);
      else out[relative(dir, path)] = describeEntry(path);
    }
  };
  visit(dir);
  return out;
}

describe('hostile file system: entries made at test time (never committed: they would hang Prettier and ESLint)', () => {
  const dir = `${GENERATED}-fs/editions`;
  const folder = join(ROOT, dir);
  beforeAll(() => {
    rmSync(join(ROOT, `${GENERATED}-fs`), { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '2026-04-05-edition-7.md'), `${FRONT}A story.\n`);
    execFileSync('mkfifo', [join(folder, 'pipe.md')]);
    symlinkSync('loop-a.md', join(folder, 'loop-b.md'));
    symlinkSync('loop-b.md', join(folder, 'loop-a.md'));
    symlinkSync('.', join(folder, 'here'));
    symlinkSync('..', join(folder, 'up'));
    symlinkSync('/dev/zero', join(folder, 'zero.md'));
    writeFileSync(join(folder, 'huge.md'), '');
    truncateSync(join(folder, 'huge.md'), 3 * 1024 ** 3);
  });
  // A named pipe left behind would hang any tool that reads every file.
  afterAll(() => rmSync(join(ROOT, `${GENERATED}-fs`), { recursive: true, force: true }));

  it('a named pipe, symlink loops, a link to /dev/zero and a 3 GB file: one line each, within the time limit', async () => {
    const before = snapshot(folder);
    const { code, stdout, stderr, ms } = await check(dir);
    expect(ms).toBeLessThan(CASE_LIMIT_MS);
    expect(stderr).toBe('');
    expect(stdout.split('\n').filter((l) => !l.startsWith('::'))).toEqual([
      `${dir}/here  symlink: warning: points back to a folder that contains it; skipped`,
      `${dir}/huge.md  file: 3072.0 MB; expected at most 2.0 MB (split it into two editions)`,
      `${dir}/loop-a.md  symlink: warning: points to nothing (or to itself); skipped`,
      `${dir}/loop-b.md  symlink: warning: points to nothing (or to itself); skipped`,
      `${dir}/pipe.md  file: warning: a named pipe (FIFO), not a file; skipped`,
      `${dir}/up  symlink: warning: points back to a folder that contains it; skipped`,
      `${dir}/zero.md  symlink: warning: points outside the project (to /dev/zero); skipped, expected a file or folder inside it`,
      '1 error, 6 warnings in 2 editions',
      '',
    ]);
    expect(code).toBe(1);
    expect(snapshot(folder)).toEqual(before);
  });
});

describe('npm run build deletes no folder it did not write: one line, exit 1, nothing touched', () => {
  const outside = mkdtempSync(join(tmpdir(), 'hostile-out-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  async function build(env: Record<string, string>) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts'], {
        cwd: ROOT,
        timeout: CASE_LIMIT_MS,
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const refusal = (folder: string, role = '') =>
    `OUT_DIR: ${folder}${role} is a folder with files in it and no .newsletter-site, so a build did not write it; expected an empty folder or one a build wrote; nothing was built or deleted\n`;

  it.each(['docs', 'tests'])('a tracked folder of the project: OUT_DIR=%s', async (name) => {
    const before = snapshot(name, true);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(await build({ OUT_DIR: name })).toEqual({ code: 1, stdout: '', stderr: refusal(join(ROOT, name)) });
    expect(snapshot(name, true)).toEqual(before);
  });

  it('a folder outside the project holding a file of the user’s, or a .next beside it', async () => {
    mkdirSync(join(outside, 'site'));
    writeFileSync(join(outside, 'site/notes.txt'), 'mine');
    const before = snapshot(outside);
    expect(await build({ OUT_DIR: join(outside, 'site') })).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal(join(outside, 'site')),
    });
    rmSync(join(outside, 'site/notes.txt'));
    mkdirSync(join(outside, 'site.next'));
    writeFileSync(join(outside, 'site.next/notes.txt'), 'mine');
    expect(await build({ OUT_DIR: join(outside, 'site') })).toEqual({
      code: 1,
      stdout: '',
      stderr: refusal(join(outside, 'site'), '.next (where the new site is staged)'),
    });
    expect(snapshot(outside)).toEqual({ 'site.next/notes.txt': before['site/notes.txt'] });
  });
});
