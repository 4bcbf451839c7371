import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docExampleLines, FIGURES_LINE, PROBLEM_LINE } from '../support/doc-examples.ts';
import { startForumServer, type ForumServer } from '../support/forum-server.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'content/editions/2026-03-22-edition-2.md');
const OUT = 'tests/.output/figures';
const exec = promisify(execFile);
const BUILD_DATE = '2026-03-23T14:30:00Z';
const AS_OF = '2026-03-23T10:30:00-04:00';

let server: ForumServer;
beforeAll(async () => {
  server = await startForumServer();
});
afterAll(() => server.close());

/** Runs one of the commands as a user does; never throws on a non-zero exit. */
async function run(script: string, args: string[], env: Record<string, string> = server.env) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [`scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '', BUILD_DATE, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh editions folder holding the given files (name → text). */
function folder(name: string, files: Record<string, string>): string {
  const dir = `${OUT}/${name}`;
  rmSync(join(ROOT, dir), { recursive: true, force: true });
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, file), text);
  return dir;
}

const seedText = readFileSync(SEED, 'utf8');
const withoutDiscussions = (text: string) => text.replace(/\ndiscussions:\n(?: {2}.*\n)*/, '\n');
const HN = (id: number) => `https://news.ycombinator.com/item?id=${id}`;
/** What the runs below printed, without the place: the docs' examples must be among them. */
const printedLines = new Set<string>();
const keep = (lines: string[]) => lines.forEach((line) => printedLines.add(PROBLEM_LINE.exec(line)?.[1] ?? line));

describe('npm run figures on the seed edition', () => {
  it('refreshes every Hacker News discussion, changing only discussions:, and warns about the prose and a quote', async () => {
    const dir = folder('seed', { '2026-03-22-edition-2.md': seedText });
    const file = `${dir}/2026-03-22-edition-2.md`;
    const { code, stdout, stderr } = await run('figures', ['2', '--dir', dir]);
    expect(stderr).toBe('');
    keep(stdout.trim().split('\n'));
    expect(stdout.trim().split('\n')).toEqual([
      `${file}:5  discussions[0]: 197 → 240 points, none → 131 comments (${HN(47476821)})`,
      `${file}:7  discussions[1]: none → 85 points, none → 21 comments (${HN(47476597)})`,
      `${file}:8  discussions[2]: none → 310 points, none → 64 comments (${HN(47388676)})`,
      `${file}:9  discussions[3]: 5 → 7 points, none → 3 comments (${HN(47478222)})`,
      `${file}:11  discussions[4]: 18 → 18 points, none → 9 comments (${HN(47477933)})`,
      `${file}:13  discussions[5]: 228 → 251 points, 85 → 97 comments (${HN(47476422)})`,
      `${file}:16  discussions[6]: 66 → 66 points, 104 → 104 comments (${HN(47475859)})`,
      `${file}:38  section #nomad: warning: "197 points" in the text, but the thread now has 240 points and 131 comments (${HN(47476821)}); update the text if it should say so`,
      `${file}:56  section #openai-signals: warning: "5 and 18 points" in the text, but the threads now have 7 and 18 points (${HN(47478222)}, ${HN(47477933)}); update the text if it should say so`,
      `${file}:60  section #flash-moe: warning: "228 points" in the text, but the thread now has 251 points and 97 comments (${HN(47476422)}); update the text if it should say so`,
      `${file}:60  section #flash-moe: warning: "85 comments" in the text, but the thread now has 251 points and 97 comments (${HN(47476422)}); update the text if it should say so`,
      `${file}:68  section #flash-moe: warning: "stri8ted" (Hacker News) neither commented on nor submitted the thread this section links (${HN(47476422)}); check the name, and which thread the quote is from`,
      `${file}: written`,
    ]);
    expect(code).toBe(0);

    const after = readFileSync(join(ROOT, file), 'utf8');
    expect(withoutDiscussions(after)).toBe(withoutDiscussions(seedText));
    expect(withoutDiscussions(seedText)).not.toContain('discussions:');
    const front = parse(after.split('\n---\n')[0]!.replace(/^---\n/, '')) as { discussions: unknown[] };
    expect(front.discussions[5]).toEqual({ url: HN(47476422), points: 251, comments: 97, as_of: AS_OF });
    expect(front.discussions[6]).toEqual({ url: HN(47475859), points: 66, comments: 104, as_of: AS_OF });

    // The refreshed file is still a valid edition, and a second run has nothing to write.
    const checked = await run('check', ['--dir', dir]);
    expect([checked.code, checked.stdout.trim()]).toEqual([0, '0 errors, 0 warnings in 1 edition']);
    const again = await run('figures', ['2', '--dir', dir]);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`${file}: unchanged`);
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(after);
  });

  it('with the API unreachable prints one line per thread, exits 1 and leaves the file untouched', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dir = folder('unreachable', { '2026-03-22-edition-2.md': seedText });
    const file = `${dir}/2026-03-22-edition-2.md`;
    const origin = `http://127.0.0.1:${port}`;
    const { code, stdout, stderr } = await run('figures', ['2', '--dir', dir], {
      HN_API_URL: `${origin}/v0`,
      HN_ALGOLIA_URL: `${origin}/api/v1`,
    });
    const lines = stdout.trim().split('\n');
    keep(lines);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      `${file}:5  discussions[0].url: could not refresh ${HN(47476821)}: unreachable (ECONNREFUSED); its entry was left as it was`,
    );
    expect(
      lines
        .slice(0, 7)
        .every((l) =>
          / discussions\[\d\]\.url: could not refresh .*: unreachable \(ECONNREFUSED\); its entry was left as it was$/.test(
            l,
          ),
        ),
    ).toBe(true);
    expect(lines[7]).toBe(`${file}: unchanged`);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(seedText);
  });
});

const edition = (n: number, extra: string, body: string) =>
  `---\nedition: ${n}\ndate: 2026-04-0${n}\n${extra}---\n\n${body}\n`;

describe('npm run figures on other forums and editions', () => {
  const body = [
    `Flash-MoE on Lobsters ([discussion](https://lobste.rs/s/abc123)), where [hwayne](https://lobste.rs/~hwayne) replied,`,
    `and on Reddit ([discussion](https://www.reddit.com/r/LocalLLaMA/comments/1abcde/flash_moe/)); a lost thread ([gone](${HN(100)})).`,
    '',
    '## Lost {#lost}',
    '',
    `Gone ([discussion](${HN(999)})).`,
  ].join('\n');

  it('reports threads the body links but discussions: lacks, and --add adds them; a thread that fails is its own line', async () => {
    const text = edition(3, `discussions:\n  - url: ${HN(999)} # never existed\n`, body);
    const dir = folder('add', { '3.md': text });
    const file = `${dir}/3.md`;
    const report = await run('figures', ['3', '--dir', dir]);
    expect(report.stdout.trim().split('\n')).toEqual([
      `${file}:5  discussions[0].url: could not refresh ${HN(999)}: no such item (the API answered null); its entry was left as it was`,
      `${file}:8  link: warning: https://lobste.rs/s/abc123 is linked in the body but not listed under discussions; \`npm run figures -- 3 --add\` adds it with its figures`,
      `${file}:9  link: warning: https://www.reddit.com/r/LocalLLaMA/comments/1abcde/flash_moe/ is linked in the body but not listed under discussions; \`npm run figures -- 3 --add\` adds it with its figures`,
      `${file}:9  link: warning: ${HN(100)} is linked in the body but not listed under discussions; \`npm run figures -- 3 --add\` adds it with its figures`,
      `${file}: unchanged`,
    ]);
    expect(report.code).toBe(1);

    const added = await run('figures', ['3', '--add', '--dir', dir]);
    expect(added.stdout).toContain(
      `${file}:8  link: added to discussions with 42 points, 4 comments (https://lobste.rs/s/abc123)`,
    );
    expect(added.stdout).toContain(`${file}:9  link: could not add ${HN(100)}: the item is deleted`);
    expect(added.code).toBe(1);
    expect(readFileSync(join(ROOT, file), 'utf8')).toBe(
      text.replace(
        '# never existed\n',
        `# never existed\n  - url: https://lobste.rs/s/abc123\n    points: 42\n    comments: 4\n    as_of: ${AS_OF}\n  - url: https://www.reddit.com/r/LocalLLaMA/comments/1abcde/flash_moe/\n    points: 812\n    comments: 64\n    as_of: ${AS_OF}\n`,
      ),
    );
  });

  it('--drafts refreshes every draft and scheduled edition, and nothing else', async () => {
    const lobsters = `Flash-MoE ([discussion](https://lobste.rs/s/abc123)).`;
    const list = 'discussions:\n  - url: https://lobste.rs/s/abc123\n';
    const dir = folder('drafts', {
      '1.md': edition(1, list, lobsters),
      '2.md': edition(2, `draft: true\n${list}`, lobsters),
      '3.md': edition(3, list, lobsters).replace('date: 2026-04-03', 'date: 2026-12-01'),
    });
    const { code, stdout } = await run('figures', ['--drafts', '--dir', dir], {
      ...server.env,
      BUILD_DATE: '2026-04-10T00:00:00Z',
    });
    expect(
      stdout
        .trim()
        .split('\n')
        .filter((l) => l.endsWith(': written')),
    ).toEqual([`${dir}/2.md: written`, `${dir}/3.md: written`]);
    expect(code).toBe(0);
    expect(readFileSync(join(ROOT, dir, '1.md'), 'utf8')).toBe(edition(1, list, lobsters));
  });

  it('refuses bad arguments and a bad API variable with one line, never a stack trace', async () => {
    const usage = await run('figures', []);
    expect([usage.code, usage.stderr.split('\n')[0]]).toEqual([
      2,
      'figures: expected one edition number or --drafts, got nothing',
    ]);
    const missing = await run('figures', ['42', '--dir', 'tests/fixtures/site/editions']);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      'figures: no edition 42 in tests/fixtures/site/editions',
    ]);
    const env = await run('figures', ['2'], { HN_API_URL: 'not a url' });
    expect([env.code, env.stderr.trim()]).toEqual([
      1,
      'HN_API_URL: expected an http(s) URL such as https://hacker-news.firebaseio.com/v0, got "not a url" (unset it for the default)',
    ]);
    const help = await run('figures', ['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([
      0,
      'usage: npm run figures -- <edition number> | --drafts [--add] [--dir content/editions]',
    ]);
  });
});

describe('npm run new', () => {
  it('--thread starts the next edition with one story per thread, and the draft passes npm run check', async () => {
    const dir = folder('new-thread', {});
    copyFileSync(SEED, join(ROOT, dir, '2026-03-22-edition-2.md'));
    const created = await run('new', [
      '--dir',
      dir,
      '--thread',
      HN(47476422),
      '--thread',
      'https://lobste.rs/s/abc123',
      '--thread',
      'https://old.reddit.com/r/LocalLLaMA/comments/1abcde/x/',
      '--thread',
      HN(47475859),
    ]);
    expect(created.stdout).toContain(
      `Created ${dir}/2026-03-23-edition-3.md: edition 3, dated 2026-03-23, as a draft.`,
    );
    const text = readFileSync(join(ROOT, dir, '2026-03-23-edition-3.md'), 'utf8');
    expect(text).toContain(
      `discussions:\n  - url: ${HN(47476422)}\n    points: 251\n    comments: 97\n    as_of: ${AS_OF}\n`,
    );
    expect(text).toContain(
      '## Flash-MoE: Running a 397B Parameter Model on a Laptop {#flash-moe-running-a-397b-parameter-model-on-a}\n\n' +
        `[Flash-MoE: Running a 397B Parameter Model on a Laptop](https://github.com/danveloper/flash-moe) ([discussion](${HN(47476422)}))\n\n` +
        '<!--\nMost active in this thread; quote them with a link to their profile:\n[mkw](https://news.ycombinator.com/user?id=mkw)\n[Roxxik](https://news.ycombinator.com/user?id=Roxxik)\n',
    );
    expect(text).toContain('[hwayne](https://lobste.rs/~hwayne)');
    expect(text).toContain('[tensor\\_tim](https://www.reddit.com/user/tensor_tim)');
    // Ask HN has no article: the story links its thread only.
    expect(text).toContain(`{#ask-hn-if-ai-brings-90-productivity-gains-do}\n\n[discussion](${HN(47475859)})\n`);
    const checked = await run('check', ['--dir', dir]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`${dir}/2026-03-23-edition-3.md  draft: edition 3`);
    expect(checked.stdout.trim().split('\n').at(-1)).toBe('0 errors, 0 warnings in 2 editions');
  });

  it('writes nothing when a thread cannot be read, or is not a thread', async () => {
    const dir = folder('new-bad-thread', {});
    const gone = await run('new', ['--dir', dir, '--thread', HN(100)]);
    expect([gone.code, gone.stderr.trim()]).toEqual([
      1,
      `new: --thread ${HN(100)}: could not be read (the item is deleted)`,
    ]);
    const profile = await run('new', ['--dir', dir, '--thread', 'https://news.ycombinator.com/user?id=mkw']);
    expect([profile.code, profile.stderr.split('\n')[0]]).toEqual([
      2,
      'new: --thread: expected a Hacker News, Lobsters or Reddit thread URL, got "https://news.ycombinator.com/user?id=mkw"',
    ]);
    expect(readdirSync(join(ROOT, dir))).toEqual([]);
  });

  it('takes --number, refuses one in use and a date before the previous edition, and names the file after the date', async () => {
    const dir = folder('new-number', {});
    copyFileSync(SEED, join(ROOT, dir, '2026-03-22-edition-2.md'));
    const early = await run('new', ['--dir', dir, '--date', '2026-03-01']);
    expect([early.code, early.stderr.trim()]).toEqual([
      1,
      `new: --date: 2026-03-01 is earlier than edition 2's date 2026-03-22T12:14:00-04:00 (${dir}/2026-03-22-edition-2.md); expected a date on or after it; nothing was written`,
    ]);
    const taken = await run('new', ['--dir', dir, '--number', '2']);
    expect([taken.code, taken.stderr.trim()]).toEqual([
      1,
      `new: --number: edition 2 is already used by ${dir}/2026-03-22-edition-2.md; expected a number not in use (the next is 3); nothing was written`,
    ]);
    // 23:30 in Honolulu is already the next day in New York, the site's zone: the name follows the site's day.
    const late = await run('new', ['--dir', dir, '--number', '5', '--date', '2026-04-05T23:30:00-10:00']);
    expect(late.stdout).toContain(
      `Created ${dir}/2026-04-06-edition-5.md: edition 5, dated 2026-04-05T23:30:00-10:00, as a draft.`,
    );
    const between = await run('new', ['--dir', dir, '--number', '4', '--date', '2026-04-07']);
    expect([between.code, between.stderr.trim()]).toEqual([
      1,
      `new: --date: 2026-04-07 is later than edition 5's date 2026-04-05T23:30:00-10:00 (${dir}/2026-04-06-edition-5.md); expected a date on or before it; nothing was written`,
    ]);
    const help = await run('new', ['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([
      0,
      'usage: npm run new -- [--date 2026-04-05] [--number N] [--thread <url> …] [--dir content/editions]',
    ]);
  });
});

describe('every command answers --help', () => {
  it.each(['check', 'build', 'new', 'email', 'import', 'figures'])(
    '%s --help prints its usage and exits 0',
    async (name) => {
      const { code, stdout, stderr } = await run(name, ['--help']);
      expect(stdout.startsWith(`usage: npm run ${name}`)).toBe(true);
      expect([code, stderr]).toEqual([0, '']);
    },
  );
});

describe('the README and the edition format', () => {
  it('show only lines npm run figures printed above', () => {
    const shown = docExampleLines().filter(({ shown }) => FIGURES_LINE.test(shown));
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.filter(({ shown }) => !printedLines.has(shown)).map(({ at, shown }) => `${at}  ${shown}`)).toEqual([]);
  });
});
