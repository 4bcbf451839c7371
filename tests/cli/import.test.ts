import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writePelicanArchive } from '../support/pelican.ts';
import { parseSourceDate } from '../../scripts/import/dates.ts';
import { shiftHeadings, takeTitle } from '../../scripts/import/normalise.ts';
import { numberInName, numberInTitle } from '../../scripts/import/numbering.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = 'tests/fixtures/import';
const OUTPUT = 'tests/.output/import';
const run = promisify(execFile);

/** Runs a script of ours as `npm run` would; never throws on a non-zero exit. */
async function node(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh output case: `<case>/editions` does not exist yet; `topics.yaml` beside it when asked. */
function freshCase(name: string, topics: boolean): string {
  const dir = `${OUTPUT}/${name}`;
  rmSync(join(ROOT, dir), { recursive: true, force: true });
  mkdirSync(join(ROOT, dir), { recursive: true });
  if (topics) copyFileSync(join(ROOT, FIXTURES, 'topics.yaml'), join(ROOT, dir, 'topics.yaml'));
  return `${dir}/editions`;
}

const files = (dir: string) => readdirSync(join(ROOT, dir)).sort();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Each format, how many editions its fixture holds, and whether its tags need the fixture topics. */
const FORMATS = [
  { format: 'pelican', editions: 3, topics: true },
  { format: 'front-matter', editions: 4, topics: true },
  { format: 'markdown', editions: 4, topics: false },
  { format: 'substack', editions: 4, topics: false },
  { format: 'ghost', editions: 3, topics: true },
];

describe.concurrent('npm run import on each format', () => {
  it.each(FORMATS)('$format: detects the format and writes exactly the expected editions', async (c) => {
    const out = freshCase(c.format, c.topics);
    const { code, stdout, stderr } = await node(['scripts/import.ts', `${FIXTURES}/${c.format}/source`, '--out', out]);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/^\s+at /m);
    expect(stdout.split('\n')[0]).toMatch(
      new RegExp(`^Reading ${FIXTURES}/${c.format}/source as ${c.format} \\(detected: `),
    );
    const expected = files(`${FIXTURES}/${c.format}/expected`);
    expect(expected).toHaveLength(c.editions);
    expect(files(out)).toEqual(expected);
    for (const name of expected)
      expect(read(`${out}/${name}`), name).toBe(read(`${FIXTURES}/${c.format}/expected/${name}`));
    expect(stdout).toMatch(/^ {2}check: 0 errors, \d+ warnings? in \d+ editions/m);
    expect(code).toBe(0);
    const checked = await node(['scripts/check.ts', '--dir', out]);
    expect(checked.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^0 errors, \\d+ warnings? in ${c.editions} editions$`),
    );
    expect(checked.code).toBe(0);
  });
});

describe('what the importer does to a source (read from the fixtures by hand)', () => {
  it('Pelican: a date without a zone is taken in New York; # sections move down a level, fenced # lines do not', () => {
    const text = read(`${FIXTURES}/pelican/expected/2024-01-07-first-steps.md`);
    expect(text).toContain('\ndate: 2024-01-07T09:30:00-05:00\n');
    expect(text).toContain('\n## Hardware\n');
    expect(text).toContain('\n### Memory\n');
    expect(text).toContain('```sh\n# install the runtime\npip install llama-cpp-python\n## not a heading either\n```');
    expect(text).toContain('  hardware:\n    topics: [local-inference, open-weights]\n');
  });

  it('names a CJK title by its number, keeps a title line only once, and numbers from the file name', () => {
    expect(files(`${FIXTURES}/pelican/expected`)).toContain('2024-01-21-edition-3.md');
    const issue2 = read(`${FIXTURES}/pelican/expected/2024-01-14-quantisation-explained.md`);
    expect(issue2).toMatch(/^---\nedition: 2\ndate: 2024-01-14\ntitle: Quantisation, explained\n---\n\nWhy 4-bit/);
    const jekyll = read(`${FIXTURES}/front-matter/expected/2024-02-11-open-weights-week.md`);
    expect(jekyll).toMatch(/^---\nedition: 5\ndate: 2024-02-11T07:15:00-05:00\n/);
    expect(jekyll).not.toContain('# Open weights week');
  });

  it('Hugo TOML drafts stay drafts; Substack paid-tier and podcast fields are reported, not dropped', async () => {
    expect(read(`${FIXTURES}/front-matter/expected/2024-02-18-tools-of-the-week.md`)).toContain('\ndraft: true\n');
    const out = freshCase('substack-report', false);
    const { stdout } = await node(['scripts/import.ts', `${FIXTURES}/substack/source`, '--out', out]);
    expect(stdout).toContain(`${FIXTURES}/substack/source/posts.csv:3: a Substack thread, not a newsletter post`);
    expect(stdout).toContain(
      `${FIXTURES}/substack/source/posts.csv:5  podcast_url: warning: not imported (an edition has no such field); link the audio in the body to keep it`,
    );
  });
});

describe('npm run import keeps the out folder safe', () => {
  it('--dry-run writes nothing and prints the same report', async () => {
    const out = freshCase('dry-run', true);
    const { code, stdout } = await node([
      'scripts/import.ts',
      `${FIXTURES}/pelican/source`,
      '--out',
      out,
      '--dry-run',
      '--verbose',
    ]);
    expect(existsSync(join(ROOT, out))).toBe(false);
    expect(stdout.match(/^would write /gm)).toHaveLength(3);
    // The copy it checks is in a temporary folder; no line names it.
    expect(stdout).not.toContain(tmpdir());
    expect(stdout).not.toContain('newsletter-import-');
    expect(stdout).toContain(`  would be written: 3 editions into ${out} (1 as drafts)`);
    expect(stdout).toMatch(/^ {2}check: 0 errors, 0 warnings in 3 editions$/m);
    expect(stdout).toContain('nothing was written (--dry-run)');
    expect(code).toBe(0);
  });

  it("--dry-run's check lines name the out folder, never the temporary copy it checks", async () => {
    const out = freshCase('dry-run-names', false);
    const src = `${OUTPUT}/dry-run-names/source`;
    mkdirSync(join(ROOT, out), { recursive: true });
    mkdirSync(join(ROOT, src), { recursive: true });
    writeFileSync(join(ROOT, out, '2025-01-01-x.md'), '---\nedition: 5\ndate: 2025-01-01\n---\n\nIntro.\n');
    writeFileSync(join(ROOT, src, 'a.md'), 'Title: Issue 6\nDate: 2024-01-01\nNumber: 6\n\nIntro.\n');
    const { stdout } = await node(['scripts/import.ts', src, '--out', out, '--dry-run']);
    expect(stdout).toContain(
      `${out}/2024-01-01-issue-6.md:3  date: edition 6's date 2024-01-01T00:00:00-05:00 is earlier than edition 5's date 2025-01-01T00:00:00-05:00 (${out}/2025-01-01-x.md); expected dates to grow with edition numbers`,
    );
    expect(stdout).not.toContain(tmpdir());
  });

  it('never overwrites an existing file, and reports the clash', async () => {
    const out = freshCase('clash', true);
    mkdirSync(join(ROOT, out));
    writeFileSync(join(ROOT, out, '2024-01-14-quantisation-explained.md'), 'My own notes.\n');
    const { code, stdout } = await node(['scripts/import.ts', `${FIXTURES}/pelican/source`, '--out', out]);
    expect(stdout).toContain(
      `    ${FIXTURES}/pelican/source/issue-2.md: ${out}/2024-01-14-quantisation-explained.md already exists; not overwritten`,
    );
    expect(read(`${out}/2024-01-14-quantisation-explained.md`)).toBe('My own notes.\n');
    expect(files(out)).toEqual([
      '2024-01-07-first-steps.md',
      '2024-01-14-quantisation-explained.md',
      '2024-01-21-edition-3.md',
    ]);
    // The check then reports the file that is not an edition; that is the exit 1.
    expect(stdout).toContain(`${out}/2024-01-14-quantisation-explained.md:1  front matter: missing`);
    expect(code).toBe(1);
  });
});

describe('npm run import on bad input', () => {
  it('prints one exact line per bad file, imports the rest, exits 1, no stack trace', async () => {
    const out = freshCase('bad', false);
    const src = `${FIXTURES}/bad/source`;
    const { code, stdout, stderr } = await node(['scripts/import.ts', src, '--out', out]);
    const problems = stdout.split('\n').filter((line) => line.startsWith(`${src}/`));
    expect(problems).toEqual([
      `${src}/bad-date.md:2  date: expected a date such as 2024-01-05 or 2024-01-05 10:30, optionally with an offset such as -05:00, got "next Tuesday"`,
      `${src}/broken-header.md:2  header: expected a "Key: value" line, got "Date 2024-06-01"`,
      `${src}/twin-a.md:3  edition: 41 is also the number of ${src}/twin-b.md; none of them is imported`,
      `${src}/twin-b.md:3  edition: 41 is also the number of ${src}/twin-a.md; none of them is imported`,
    ]);
    expect(files(out)).toEqual(files(`${FIXTURES}/bad/expected`));
    expect(files(out)).toEqual(['2024-06-15-the-one-that-imports.md']);
    expect(read(`${out}/2024-06-15-the-one-that-imports.md`)).toBe(
      read(`${FIXTURES}/bad/expected/2024-06-15-the-one-that-imports.md`),
    );
    expect(stdout).toContain('  import: 4 errors (date 1, header 1, edition 2), 0 warnings');
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });

  it('names the line of bad YAML or TOML front matter and of a number that is not one', async () => {
    const src = `${OUTPUT}/front-matter-bad/source`;
    rmSync(join(ROOT, OUTPUT, 'front-matter-bad'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src), { recursive: true });
    writeFileSync(join(ROOT, src, 'a.md'), '---\ntitle: Fine\ndate: 2024-01-01\ntags: [unclosed\n---\n\nBody.\n');
    writeFileSync(join(ROOT, src, 'b.md'), '+++\ntitle = "Fine"\ndate = \n+++\n\nBody.\n');
    writeFileSync(join(ROOT, src, 'c.md'), '---\ntitle: Fine\ndate: 2024-01-03\nissue: twelve\n---\n\nBody.\n');
    const { code, stdout } = await node(['scripts/import.ts', src, '--out', `${OUTPUT}/front-matter-bad/editions`]);
    expect(stdout.split('\n').filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/a.md:4  front matter: YAML syntax error: the list opened with [ is never closed; end it with ] on the same line: tags: [unclosed]`,
      `${src}/b.md:3  front matter: not valid TOML: invalid value`,
      `${src}/c.md:4  issue: expected a whole number, 0 or more, got "twelve"`,
    ]);
    expect(stdout).toContain('  written: 0 editions into');
    expect(code).toBe(1);
  });

  it('names the CSV row of a bad Substack post', async () => {
    const src = `${OUTPUT}/substack-bad/source`;
    rmSync(join(ROOT, OUTPUT, 'substack-bad'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, 'posts'), { recursive: true });
    writeFileSync(
      join(ROOT, src, 'posts.csv'),
      'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n' +
        '1.ok,2024-04-07T13:00:00.000Z,true,,,newsletter,everyone,Fine,,\n' +
        '2.when,yesterday,true,,,newsletter,everyone,"Multi-line\ntitle",,\n' +
        '3.lost,2024-04-21T13:00:00.000Z,true,,,newsletter,everyone,Lost,,\n',
    );
    writeFileSync(join(ROOT, src, 'posts/1.ok.html'), '<p>Intro.</p>');
    writeFileSync(join(ROOT, src, 'posts/2.when.html'), '<p>Intro.</p>');
    const { code, stdout } = await node(['scripts/import.ts', src, '--out', `${OUTPUT}/substack-bad/editions`]);
    expect(stdout).toContain(
      `${src}/posts.csv:5  body: posts/3.lost.html is missing or not UTF-8; expected the post's body there`,
    );
    expect(stdout).toContain(`${src}/posts.csv:3  date: expected a date such as 2024-01-05`);
    expect(stdout).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });

  it('usage mistakes exit 2 with the usage line; a missing source exits 1 with one line', async () => {
    const none = await node(['scripts/import.ts']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run import -- <source>');
    const from = await node(['scripts/import.ts', `${FIXTURES}/pelican/source`, '--from', 'wordpress']);
    expect(from.code).toBe(2);
    expect(from.stderr).toContain(
      'import: --from: expected auto or one of pelican, front-matter, markdown, substack, ghost',
    );
    const missing = await node(['scripts/import.ts', 'no/such/archive']);
    expect(missing.stderr).toBe('import: no/such/archive: no such file or folder\n');
    expect(missing.code).toBe(1);
  });
});

describe('a Pelican archive of 300 editions', () => {
  it('imports with no error, and the check finds 0 errors', { timeout: 300_000 }, async () => {
    const base = `${OUTPUT}/pelican-300`;
    rmSync(join(ROOT, base), { recursive: true, force: true });
    mkdirSync(join(ROOT, base, 'source'), { recursive: true });
    const N = 300;
    writePelicanArchive(join(ROOT, base, 'source'), N);
    const started = performance.now();
    const { code, stdout } = await node(['scripts/import.ts', `${base}/source`, '--out', `${base}/editions`]);
    const seconds = (performance.now() - started) / 1000;
    expect(stdout).toContain(`  written: ${N} editions into ${base}/editions`);
    expect(stdout).toContain('  import: 0 errors, 0 warnings');
    expect(stdout).toMatch(new RegExp(`^ {2}check: 0 errors, 0 warnings in ${N} editions$`, 'm'));
    expect(code).toBe(0);
    expect(files(`${base}/editions`)).toHaveLength(N);
    const last = read(`${base}/editions/2024-09-29-week-300-in-inference.md`);
    expect(last).toMatch(/^---\nedition: 300\ndate: 2024-09-29T09:00:00-04:00\n/);
    expect(last).toContain('\n## Tools\n\n```sh\n# build it\n');
    const checked = await node(['scripts/check.ts', '--dir', `${base}/editions`]);
    expect(checked.stdout.trim().split('\n').at(-1)).toBe(`0 errors, 0 warnings in ${N} editions`);
    expect(checked.code).toBe(0);
    console.log(`import of ${N} Pelican editions: ${seconds.toFixed(1)} s`);
  });
});

describe('importer pieces', () => {
  it('shifts headings only when # is used for sections, and never inside fences', () => {
    expect(shiftHeadings('Intro\n\n## Story\n\n```\n# x\n```\n')).toBe('Intro\n\n## Story\n\n```\n# x\n```\n');
    expect(shiftHeadings('Intro\n\n# A\n\n###### Six\n\n~~~\n# x\n~~~\n')).toBe(
      'Intro\n\n## A\n\n###### Six\n\n~~~\n# x\n~~~\n',
    );
    expect(shiftHeadings('Intro\n\nA\n===\n\nB\n---\n')).toBe('Intro\n\nA\n---\n\n### B\n');
    expect(takeTitle('\n# Title #\n\nText', true)).toEqual({ title: 'Title', body: '\n\nText' });
    expect(takeTitle('Text first\n\n# Later', true)).toEqual({ body: 'Text first\n\n# Later' });
  });

  it('reads dates as archives write them', () => {
    const tz = 'America/New_York';
    expect(parseSourceDate('2024-07-04', tz)).toEqual({ date: '2024-07-04' });
    expect(parseSourceDate('2024-07-04 10:30', tz)).toEqual({ date: '2024-07-04T10:30:00-04:00' });
    expect(parseSourceDate('2024-01-04 10:30:00 -0800', tz)).toEqual({ date: '2024-01-04T13:30:00-05:00' });
    expect(parseSourceDate('2024-03-10T02:30:00.000Z', tz)).toEqual({ date: '2024-03-09T21:30:00-05:00' });
    expect(parseSourceDate('2024-02-30', tz)).toEqual({ error: 'expected a real calendar date, got "2024-02-30"' });
  });

  it('finds numbers in titles and file names, not in dates or ordinary words', () => {
    expect(['Issue #300', 'Edition 12: x', 'No. 5', 'Weekly #7'].map((t) => numberInTitle(t))).toEqual([300, 12, 5, 7]);
    expect(['Top 10 tools', 'C# 12 is out'].map((t) => numberInTitle(t))).toEqual([undefined, undefined]);
    expect(['issue-300', '2024-01-05-edition-12', '2024-01-05', '42', 'week-3'].map(numberInName)).toEqual([
      300,
      12,
      undefined,
      42,
      undefined,
    ]);
  });
});

/** Imports a fixture archive into a fresh case; the public folder is the case's own. */
async function importCase(name: string, source: string, extra: string[] = []) {
  const out = freshCase(name, false);
  const publicDir = `${OUTPUT}/${name}/public`;
  const result = await node(['scripts/import.ts', source, '--out', out, '--public', publicDir, ...extra]);
  return { ...result, out, publicDir, lines: result.stdout.split('\n') };
}

/** Every `{%`, `{{`, `{:` or shortcode left in a written edition outside fenced code. */
function templateLeftovers(text: string): string[] {
  const outsideCode = text.replace(/^```[^]*?^```$/gm, '').replace(/`[^`\n]+`/g, '');
  return outsideCode.match(/\{%|\{\{|\{:|%\}|\}\}/g) ?? [];
}

describe('moving in a Jekyll site, a raw Pelican folder and a Hugo site', () => {
  it('Jekyll: Liquid rendered, kramdown taken off, "#0" is edition 0, old links and images moved along', async () => {
    const src = `${FIXTURES}/jekyll-site/source`;
    const { code, stdout, stderr, out, publicDir, lines } = await importCase('jekyll-site', src);
    expect(stderr).toBe('');
    expect(files(out)).toEqual(files(`${FIXTURES}/jekyll-site/expected`));
    for (const name of files(out)) {
      expect(read(`${out}/${name}`), name).toBe(read(`${FIXTURES}/jekyll-site/expected/${name}`));
      expect(templateLeftovers(read(`${out}/${name}`)), name).toEqual([]);
    }
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/_posts/2018-06-08-2018-06-08-newsletter.md:11  kramdown: warning: 3 attribute lists ({: …}) removed in 2 files, the first here; an edition has no classes or attributes`,
      `${src}/_posts/2018-06-08-2018-06-08-newsletter.md:20  liquid: warning: 1 Liquid tag could not be converted and is left out, the first here: {% seo %}`,
      `${src}/_posts/2018-06-15-newsletter.md:11  liquid: warning: 1 Liquid tag could not be converted and is left out, the first here: {% include missing.md %}`,
      `${src}/_posts/2018-06-15-newsletter.md:20  liquid: warning: the link "a post that never was" led to {% post_url 2018-01-01-missing %}, which could not be converted; its text is kept, without the link`,
    ]);
    // The site's README and pages are not posts.
    expect(stdout).not.toMatch(/README|about\.md/);
    expect(stdout).toContain('  fields an edition has no place for:\n    lang (2): ignored\n    layout (2): ignored\n');
    expect(stdout).toContain('  links to old addresses pointed at the new edition pages: 2\n');
    expect(stdout).toContain(`  files the editions use, copied into ${publicDir}: 2\n`);
    // The README shows these lines as printed (its paths shortened).
    const readme = read('README.md');
    for (const line of readme.split('\n').filter((l) => l.startsWith('_posts/2018-06-08-newsletter.md:')))
      expect(stdout).toContain(
        line.replace('_posts/2018-06-08-newsletter.md', `${src}/_posts/2018-06-08-2018-06-08-newsletter.md`),
      );
    expect(readFileSync(join(ROOT, publicDir, 'img/posts/chart.png'))).toEqual(
      readFileSync(join(ROOT, src, 'img/posts/chart.png')),
    );
    expect(code).toBe(0);
  });

  it('Jekyll: a dry run copies no file, and an image that is missing is a warning naming it', async () => {
    const src = `${OUTPUT}/jekyll-missing/source`;
    rmSync(join(ROOT, OUTPUT, 'jekyll-missing'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, '_posts'), { recursive: true });
    writeFileSync(join(ROOT, src, '_config.yml'), 'title: Digest\n');
    writeFileSync(
      join(ROOT, src, '_posts/2024-01-05-one.md'),
      '---\ntitle: "Digest #1"\n---\nIntro ![x](/img/gone.png) ![y](/../../etc/passwd.png).\n\n## A\n\nText.\n',
    );
    const { lines, publicDir } = await importCase('jekyll-missing-run', src, ['--dry-run']);
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/_posts/2024-01-05-one.md  asset: warning: /img/gone.png is not in ${join(ROOT, src)}; the edition links to a file that was not brought along`,
      `${src}/_posts/2024-01-05-one.md  asset: warning: /../../etc/passwd.png leads outside the site; not copied`,
    ]);
    expect(existsSync(join(ROOT, publicDir))).toBe(false);
    const real = await importCase('jekyll-site-dry', `${FIXTURES}/jekyll-site/source`, ['--dry-run']);
    expect(real.stdout).toContain(`  files the editions use, to be copied into ${real.publicDir}: 2\n`);
    expect(existsSync(join(ROOT, real.publicDir))).toBe(false);
  });

  it("Jekyll: a draft without a date is imported as a draft, dated by its file's last change, with a warning", async () => {
    const src = `${OUTPUT}/jekyll-draft/source`;
    rmSync(join(ROOT, OUTPUT, 'jekyll-draft'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, '_posts'), { recursive: true });
    mkdirSync(join(ROOT, src, '_drafts'), { recursive: true });
    writeFileSync(join(ROOT, src, '_config.yml'), 'title: Digest\n');
    writeFileSync(join(ROOT, src, '_posts/2024-01-05-one.md'), '---\ntitle: "Digest #1"\n---\nIntro.\n');
    writeFileSync(join(ROOT, src, '_drafts/next-week.md'), '---\ntitle: "Digest #2"\n---\nComing up.\n');
    utimesSync(
      join(ROOT, src, '_drafts/next-week.md'),
      new Date('2024-01-10T12:00:00Z'),
      new Date('2024-01-10T12:00:00Z'),
    );
    const { code, out, lines } = await importCase('jekyll-draft-run', src);
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/_drafts/next-week.md  date: warning: a draft without a date is dated 2024-01-10, when its file last changed, as Jekyll dates drafts; set its date before it is published`,
    ]);
    const draft = files(out)
      .map((name) => read(`${out}/${name}`))
      .find((text) => text.includes('Coming up.'))!;
    expect(draft).toMatch(/^edition: 2$/m);
    expect(draft).toMatch(/^draft: true$/m);
    expect(draft).toMatch(/^date: 2024-01-10/m);
    expect(code).toBe(0);
  });

  it('Pelican without Number: headers: numbers from the titles, addresses from ARTICLE_URL, scripts left out', async () => {
    const src = `${FIXTURES}/pelican-raw/source/content`;
    const { code, out, lines } = await importCase('pelican-raw', src);
    expect(files(out)).toEqual(files(`${FIXTURES}/pelican-raw/expected`));
    for (const name of files(out))
      expect(read(`${out}/${name}`), name).toBe(read(`${FIXTURES}/pelican-raw/expected/${name}`));
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/2020-01-06-this-week-in-rust-20.md  html: warning: 1 <script> or <style> block left out (an edition may not run scripts or carry styles), the first: <style>.chart { width: 100%; }</style>`,
      `${src}/2020-01-13-this-week-in-rust-21.md  html: warning: 1 <script> or <style> block left out (an edition may not run scripts or carry styles), the first: <script>document.write('tracking');</script>`,
    ]);
    expect(lines.filter((line) => line.startsWith('wrote '))).toEqual([]);
    expect(code).toBe(0);
  });

  it('Hugo: shortcodes become links or are left out with a warning, aliases kept', async () => {
    const src = `${FIXTURES}/hugo-site/source`;
    const { code, out, lines } = await importCase('hugo-site', src);
    expect(files(out)).toEqual(files(`${FIXTURES}/hugo-site/expected`));
    for (const name of files(out)) {
      expect(read(`${out}/${name}`), name).toBe(read(`${FIXTURES}/hugo-site/expected/${name}`));
      expect(templateLeftovers(read(`${out}/${name}`)), name).toEqual([]);
    }
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/content/posts/2019-03-04-infra-weekly-10.md:13  shortcode: warning: 3 Hugo shortcodes could not be converted and are left out, the first here: {{% note %}}`,
      `${src}/content/posts/2019-03-04-infra-weekly-10.md:23  shortcode: warning: the link "setup guide" led to {{< ref "setup.md" >}}, which could not be converted; its text is kept, without the link`,
    ]);
    expect(lines).toContain('    aliases (1): kept as redirect_from');
    expect(code).toBe(0);
  });

  it("a time without a zone is read in the old site's TIMEZONE; a TIMEZONE that is none is a warning", async () => {
    for (const [name, zone] of [
      ['tokyo', 'Asia/Tokyo'],
      ['mars', 'Mars/Base'],
    ] as const) {
      const src = `${OUTPUT}/timezone-${name}/source`;
      rmSync(join(ROOT, OUTPUT, `timezone-${name}`), { recursive: true, force: true });
      mkdirSync(join(ROOT, src, 'content'), { recursive: true });
      writeFileSync(join(ROOT, src, 'pelicanconf.py'), `SITENAME = 'Digest'\nTIMEZONE = '${zone}'\n`);
      writeFileSync(join(ROOT, src, 'content/one.md'), 'Title: Issue 1\nDate: 2024-01-07 00:30\n\nIntro.\n');
      const { code, lines, out } = await importCase(`timezone-${name}-run`, `${src}/content`);
      expect(code).toBe(0);
      const written = read(`${out}/${files(out)[0]}`);
      if (name === 'tokyo') {
        // 00:30 in Tokyo is 10:30 the day before in New York, the site's zone: the same instant, never 00:30 New York time.
        expect(written).toContain('date: 2024-01-06T10:30:00-05:00\n');
        expect(lines.filter((line) => line.includes('TIMEZONE'))).toEqual([]);
      } else {
        expect(written).toContain('date: 2024-01-07T00:30:00-05:00\n');
        expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
          `${src}/pelicanconf.py  TIMEZONE: warning: "Mars/Base" is not a time zone; dates without an offset are taken in the site's time zone`,
        ]);
      }
    }
  });

  it('a date-order clash names both numbers and where each came from', async () => {
    const src = `${OUTPUT}/date-order/source`;
    rmSync(join(ROOT, OUTPUT, 'date-order'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src), { recursive: true });
    writeFileSync(join(ROOT, src, 'a.md'), 'Title: Issue 5\nDate: 2024-02-01\n\nIntro.\n');
    writeFileSync(join(ROOT, src, 'b.md'), 'Title: Launch\nDate: 2024-01-01\n\nIntro.\n');
    const { code, lines, out } = await importCase('date-order-run', src);
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/b.md:2  edition: 6 (number from date order) is dated 2024-01-01, before edition 5 (number from title, ${src}/a.md) dated 2024-02-01; not imported: give it its number in a header, or correct its date`,
    ]);
    expect(files(out)).toEqual(['2024-02-01-issue-5.md']);
    const shown = read('README.md')
      .split('\n')
      .find((l) => l.trim().startsWith('_posts/b.md:2  edition:'))!;
    expect(shown.trim().replaceAll('_posts/', `${src}/`)).toBe(lines.find((l) => l.startsWith(`${src}/b.md`)));
    expect(code).toBe(1);
  });
});

describe('importing again after fixing a source', () => {
  it('writes no edition twice: titles without a Latin slug keep the names the first run gave them', async () => {
    const src = `${OUTPUT}/again/source`;
    rmSync(join(ROOT, OUTPUT, 'again'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, 'more'), { recursive: true });
    writeFileSync(join(ROOT, src, 'a.md'), 'Title: 周报\nDate: 2024-01-01\n\nIntro.\n');
    // Two files that give no slug at all, on one day: the second is told apart, the same way on every run.
    writeFileSync(join(ROOT, src, '2024-01-08.md'), 'Title: نشرة\nDate: 2024-01-08\n\nIntro.\n');
    writeFileSync(join(ROOT, src, 'more/2024-01-08.md'), 'Title: 周报\nDate: 2024-01-08\n\nLater.\n');
    writeFileSync(join(ROOT, src, 'bad.md'), 'Title: Launch\nDate: 2024-13-01\n\nIntro.\n');
    const first = await importCase('again-run', src);
    const names = ['2024-01-01-a.md', '2024-01-08-edition-2.md', '2024-01-08-edition.md'];
    expect(files(first.out)).toEqual(names);
    expect(first.code).toBe(1);
    // The author fixes the date the first run reported, and imports again into the same folder, as it advised.
    writeFileSync(join(ROOT, src, 'bad.md'), 'Title: Launch\nDate: 2024-01-15\n\nIntro.\n');
    const second = await node(['scripts/import.ts', src, '--out', first.out, '--public', first.publicDir]);
    expect(files(first.out)).toEqual([...names, '2024-01-15-launch.md'].sort());
    for (const name of names) expect(second.stdout).toContain(`already imported as ${first.out}/${name}`);
    expect(read(`${first.out}/2024-01-15-launch.md`)).toMatch(/^---\nedition: 4\ndate: 2024-01-15\n/);
    expect(second.code).toBe(0);
  });

  it('a file of that name that is not an edition is a clash, not an earlier import', async () => {
    const src = `${OUTPUT}/again-clash/source`;
    rmSync(join(ROOT, OUTPUT, 'again-clash'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src), { recursive: true });
    writeFileSync(join(ROOT, src, 'a.md'), 'Title: 周报\nDate: 2024-01-01\n\nIntro.\n');
    const out = freshCase('again-clash-run', false);
    mkdirSync(join(ROOT, out));
    writeFileSync(join(ROOT, out, '2024-01-01-a.md'), 'My own notes.\n');
    const { stdout } = await node(['scripts/import.ts', src, '--out', out]);
    expect(stdout).toContain(`${src}/a.md: ${out}/2024-01-01-a.md already exists; not overwritten`);
    expect(read(`${out}/2024-01-01-a.md`)).toBe('My own notes.\n');
  });
});

describe('one bad record is one line, and the rest still import', () => {
  it('Jekyll: an alias bomb, a constructor key and a !!timestamp date', async () => {
    const src = `${OUTPUT}/jekyll-bad/source`;
    rmSync(join(ROOT, OUTPUT, 'jekyll-bad'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, '_posts'), { recursive: true });
    writeFileSync(join(ROOT, src, '_config.yml'), 'title: Digest\n');
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ];
    writeFileSync(
      join(ROOT, src, '_posts/2024-03-01-bomb.md'),
      `---\ntitle: "Digest #1"\n${bomb.join('\n')}\n---\nIntro.\n`,
    );
    writeFileSync(
      join(ROOT, src, '_posts/2024-03-05-fine.md'),
      '---\ntitle: "Digest #2"\ndate: !!timestamp 2024-03-05\nconstructor: x\n---\nIntro.\n\n## A\n\nText.\n',
    );
    const { lines, out, stdout } = await importCase('jekyll-bad-run', src);
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/_posts/2024-03-01-bomb.md:2  front matter: YAML aliases expand too far; write the values out instead of using *aliases`,
    ]);
    expect(files(out)).toEqual(['2024-03-05-digest-2.md']);
    expect(read(`${out}/2024-03-05-digest-2.md`)).toMatch(/^---\nedition: 2\ndate: 2024-03-05\n/);
    expect(stdout).toContain('    constructor (1): ignored');
    expect(stdout).not.toContain('native code');
  });

  it('Substack: a post_id that climbs out of the export is not read', async () => {
    const src = `${OUTPUT}/substack-climb/source`;
    rmSync(join(ROOT, OUTPUT, 'substack-climb'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, 'posts'), { recursive: true });
    writeFileSync(join(ROOT, OUTPUT, 'substack-climb/outside.html'), '<p>Not part of the export.</p>');
    writeFileSync(
      join(ROOT, src, 'posts.csv'),
      'post_id,post_date,is_published,type,audience,title\n' +
        '../../outside,2024-04-07T13:00:00.000Z,true,newsletter,everyone,Issue 1\n' +
        '2.fine,2024-04-14T13:00:00.000Z,true,newsletter,everyone,Issue 2\n',
    );
    writeFileSync(join(ROOT, src, 'posts/2.fine.html'), '<p>Intro.</p><h2>A</h2><p>Text.</p>');
    const { lines, out, code } = await importCase('substack-climb-run', src);
    expect(lines.filter((line) => line.startsWith(`${src}/`))).toEqual([
      `${src}/posts.csv:2  post_id: "../../outside" leads outside the export's posts/ folder; not read`,
    ]);
    expect(files(out)).toEqual(['2024-04-14-fine.md']);
    expect(code).toBe(1);
  });

  it('Ghost: an object id and 200,000 nested <div>s each name their post', async () => {
    const src = `${OUTPUT}/ghost-bad/export.json`;
    rmSync(join(ROOT, OUTPUT, 'ghost-bad'), { recursive: true, force: true });
    mkdirSync(join(ROOT, OUTPUT, 'ghost-bad'), { recursive: true });
    const post = (id: unknown, n: number, html: string) => ({
      id,
      title: `Edition ${n}`,
      slug: `e${n}`,
      status: 'published',
      published_at: `2024-05-0${n}T12:00:00.000Z`,
      html,
      type: 'post',
    });
    const posts = [
      post({ nested: 1 }, 1, '<p>Intro.</p>'),
      post('2', 2, '<div>'.repeat(200_000)),
      post('3', 3, '<p>Intro.</p><h2>A</h2><p>Text.</p>'),
    ];
    writeFileSync(join(ROOT, src), JSON.stringify({ db: [{ data: { posts } }] }, null, 1));
    const { lines, out, stderr } = await importCase('ghost-bad-run', src);
    expect(stderr).toBe('');
    expect(lines.filter((line) => line.startsWith(src))).toEqual([
      `${src}  id: posts[0] ("Edition 1"): expected the post's id as text, got a map of keys`,
      `${src}:18  body: posts[1] ("Edition 2"): HTML nests deeper than 100 levels; expected simpler markup`,
    ]);
    expect(files(out)).toEqual(['2024-05-03-e3.md']);
  });
});

describe('a quiet report', () => {
  it('400 editions with unused fields: at most 40 lines; --verbose prints a line per file', async () => {
    const src = `${OUTPUT}/jekyll-400/source`;
    rmSync(join(ROOT, OUTPUT, 'jekyll-400'), { recursive: true, force: true });
    mkdirSync(join(ROOT, src, '_posts'), { recursive: true });
    writeFileSync(join(ROOT, src, '_config.yml'), 'title: Digest\npermalink: /news/:year/:month/:day/:title/\n');
    for (let n = 1; n <= 400; n++) {
      const day = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      writeFileSync(
        join(ROOT, src, `_posts/${day}-digest.md`),
        `---\ntitle: "Digest #${n}"\nlayout: post\nlang: en\npermalink: /n/${n}/\nauthor: ada\n---\nIntro {: .lead}\n\n## Story\n\nText.\n`,
      );
    }
    const quiet = await importCase('jekyll-400-run', src);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(40);
    expect(quiet.stdout).toContain('    permalink (400): kept as redirect_from\n');
    expect(quiet.stdout).toContain('    layout (400): ignored\n');
    expect(files(quiet.out)).toHaveLength(400);
    const verbose = await importCase('jekyll-400-verbose', src, ['--dry-run', '--verbose']);
    expect(verbose.lines.filter((line) => line.startsWith('would write '))).toHaveLength(400);
  });
});
