import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { loadContent } from '../../src/loader/load-content.ts';
import { listEditionFiles } from '../../src/loader/load-editions.ts';
import { leftOutLines } from '../../src/model/left-out.ts';
import { planRedirects } from '../../src/render/redirects.ts';
import { createPaths } from '../../src/site/urls.ts';
import { docExampleLines, FIGURES_LINE, PROBLEM_LINE } from '../support/doc-examples.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOC = 'docs/edition-format.md';
const CORPUS = 'tests/fixtures/check';
const HOSTILE = 'tests/fixtures/hostile';

/**
 * Which `###` heading of docs/edition-format.md documents each rule the
 * checker enforces. A rule is a problem's field, normalised: list indexes and
 * section ids dropped (`discussions[0].url` → `discussions.url`,
 * `sections.story.topics[0]` → `sections.topics`), an unknown key written as
 * `*`, and topics.yaml's fields prefixed with `topics.yaml:`.
 */
const RULE_HEADINGS: Record<string, string[]> = {
  file: ['Text encoding'],
  'front matter': ['The front matter block'],
  edition: ['`edition`', 'Unique edition numbers', 'Gaps in numbering'],
  date: ['`date`', 'Dates grow with edition numbers'],
  title: ['`title`'],
  subject: ['`subject`'],
  description: ['`description`'],
  draft: ['`draft`'],
  discussions: ['`discussions`'],
  'discussions.url': ['`discussions[].url`'],
  'discussions.points': ['`discussions[].points` and `comments`'],
  'discussions.comments': ['`discussions[].points` and `comments`'],
  'discussions.as_of': ['`discussions[].as_of`'],
  sections: ['`sections`'],
  redirect_from: ['`redirect_from`'],
  'sections.topics': ['`sections.<id>.topics`'],
  '*': ['Unknown keys'],
  'discussions.*': ['Unknown keys'],
  'sections.*': ['Unknown keys'],
  intro: ['The intro'],
  code: ['Code blocks'],
  footnote: ['Markdown flavour'],
  list: ['Markdown flavour'],
  table: ['Markdown flavour'],
  heading: ['Sections', 'Section ids', 'Repeated derived ids', 'Explicit ids', 'Reserved ids'],
  link: ['Link schemes', 'Discussion links', 'Commenters', 'Broken link syntax'],
  image: ['Images'],
  html: [
    'HTML comments',
    'Allowed HTML',
    'Dropped attributes',
    'Embeds (`<iframe>`)',
    'Video and audio',
    'Other tags are shown as text',
    'Unclosed elements',
    'Script-capable HTML',
  ],
  'topics.yaml': ['topics.yaml'],
  'topics.yaml:<topic>': ['topics.yaml', 'Unused topics'],
  'topics.yaml:<topic>.*': ['topics.yaml'],
};

/** The rule behind one problem line of an `expected.txt`: `path[:line]  field: message`. */
function ruleOf(line: string): string {
  const [where = '', rest = ''] = line.split(/ {2}(.*)/s);
  const colon = rest.indexOf(': ');
  const field = rest.slice(0, colon);
  const message = rest.slice(colon + 2).replace(/^warning: /, '');
  const unknownKey = message.startsWith('unknown key');
  if (where.replace(/:\d+$/, '').endsWith('topics.yaml')) {
    // A YAML syntax error names the file; anything else starts with the topic's slug.
    if (field === 'topics') return 'topics.yaml';
    return unknownKey ? 'topics.yaml:<topic>.*' : 'topics.yaml:<topic>';
  }
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  if (parts[0] === 'sections') parts.splice(1, 1);
  if (unknownKey) parts[parts.length - 1] = '*';
  return parts.join('.');
}

/** Every rule in the checker's corpus, with the first case that shows it. */
function corpusRules(): Map<string, string> {
  const rules = new Map<string, string>();
  for (const kind of ['invalid', 'valid'])
    for (const name of readdirSync(join(ROOT, CORPUS, kind))) {
      const file = `${CORPUS}/${kind}/${name}/expected.txt`;
      for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n').filter(Boolean))
        if (!rules.has(ruleOf(line))) rules.set(ruleOf(line), file);
    }
  return rules;
}

/** The doc's `###` headings (outside code fences), each with the text under it up to the next heading. */
function ruleSections(): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let fenced = false;
  for (const line of readFileSync(join(ROOT, DOC), 'utf8').split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      current = heading[1] === '###' ? heading[2]! : undefined;
      if (current === undefined) continue;
      expect(sections.has(current), `"### ${current}" appears twice in ${DOC}`).toBe(false);
      sections.set(current, '');
    } else if (current !== undefined) sections.set(current, `${sections.get(current)}${line}\n`);
  }
  return sections;
}

describe('docs/edition-format.md', () => {
  const sections = ruleSections();

  it('normalises problem fields to rules', () => {
    expect(ruleOf('x.md:6  discussions[0].url: listed twice')).toBe('discussions.url');
    expect(ruleOf('x.md:6  sections.story.topics[0]: expected a topic slug')).toBe('sections.topics');
    expect(ruleOf('x.md:5  sections.stroy: no section has this id (ids: story)')).toBe('sections');
    expect(ruleOf('x.md:6  sections.story.topic: unknown key (did you mean "topics"?)')).toBe('sections.*');
    expect(ruleOf('x.md:4  titel: unknown key (did you mean "title"?)')).toBe('*');
    expect(ruleOf('x.md  file: not UTF-8 text')).toBe('file');
    expect(ruleOf('x/topics.yaml:3  quantum: warning: no section uses this topic')).toBe('topics.yaml:<topic>');
    expect(ruleOf('x/topics.yaml:3  flash-moe.descripton: unknown key')).toBe('topics.yaml:<topic>.*');
  });

  it('has a heading for every rule the checker enforces', () => {
    const missing: string[] = [];
    for (const [rule, example] of corpusRules()) {
      const headings = RULE_HEADINGS[rule];
      if (!headings) {
        missing.push(
          `field "${rule}" (${example}) needs a ### heading in ${DOC}, mapped in RULE_HEADINGS in tests/unit/docs.test.ts`,
        );
        continue;
      }
      for (const heading of headings)
        if (!sections.has(heading)) missing.push(`field "${rule}": ${DOC} has no "### ${heading}"`);
    }
    expect(missing).toEqual([]);
  });

  it('maps only to headings that exist', () => {
    const absent = Object.values(RULE_HEADINGS)
      .flat()
      .filter((h) => !sections.has(h));
    expect(absent).toEqual([]);
  });

  it('gives an example for every rule', () => {
    const without = [...sections].filter(([, body]) => !/^```/m.test(body)).map(([heading]) => heading);
    expect(without).toEqual([]);
  });

  it('documents the contract: schemes, derived-id suffixes, limits', () => {
    const doc = [...sections.values()].join('\n');
    for (const scheme of ['irc:', 'ircs:', 'tel:', 'sms:', 'xmpp:', 'matrix:', 'geo:', 'news:', 'ftp:', 'file:'])
      expect(doc).toContain(`\`${scheme}\``);
    expect(doc).toContain('new-contributors-1');
    for (const limit of ['2 MB', '100 levels', '10 seconds']) expect(doc).toContain(limit);
  });

  it('documents edition 0 and redirect_from, with their URLs', () => {
    const doc = readFileSync(join(ROOT, DOC), 'utf8');
    expect(doc).toContain('| `edition` | yes | a unique whole number, 0 or more |');
    expect(doc).toContain('at `/editions/0/`');
    expect(sections.get('`redirect_from`')).toContain(
      'redirect_from: [/en/newsletters/2026/04/05/, /2026/04/05/issue-7.html]',
    );
    expect(doc).toContain("| an edition's old address, redirecting to it | each path of its `redirect_from` |");
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/edition-format.md)');
  });
});

/** Everything the checker prints for the corpus cases and the fixture site, without the file and line in front. */
async function printed(): Promise<Set<string>> {
  const out = new Set<string>();
  const settings = { timeZone: 'America/New_York', lang: 'en-US' };
  const cases = [
    ...['invalid', 'valid'].flatMap((kind) =>
      readdirSync(join(ROOT, CORPUS, kind)).map((name) => `${CORPUS}/${kind}/${name}`),
    ),
    ...readdirSync(join(ROOT, HOSTILE)).map((name) => `${HOSTILE}/${name}`),
  ];
  for (const dir of cases) {
    const editions = existsSync(join(ROOT, dir, 'editions')) ? `${dir}/editions` : dir;
    const { problems } = await loadContent({ root: ROOT, dir: editions, settings, cache: false });
    // Paths inside messages ("already used by …") read as the newsletter's own folders.
    const local = (text: string) =>
      text.replaceAll(`${dir}/topics.yaml`, 'content/topics.yaml').replaceAll(`${editions}/`, 'content/editions/');
    for (const line of problems.map(formatProblem)) out.add(local(PROBLEM_LINE.exec(line)?.[1] ?? line));
  }
  // What `npm run check` and `npm run build` say about the fixture site's draft and scheduled editions.
  const site = 'tests/fixtures/site/editions';
  const checked = execFileSync(process.execPath, ['scripts/check.ts', '--dir', site], {
    cwd: ROOT,
    env: { ...process.env, BUILD_DATE: '2026-06-01T00:00:00Z', GITHUB_ACTIONS: '' },
    encoding: 'utf8',
  });
  for (const line of checked.split('\n')) out.add(PROBLEM_LINE.exec(line)?.[1] ?? line);
  const editions = listEditionFiles(join(ROOT, site), ROOT).flatMap((name) => {
    const file = `${site}/${name}`;
    return compileEdition(file, readFileSync(join(ROOT, file)), settings).edition ?? [];
  });
  for (const line of leftOutLines(editions, new Date('2026-06-01T00:00:00Z'))) out.add(line);
  // What the build says of an old address that is one of the site's own pages.
  const claimsOwnPage = { ...editions[0]!, redirectFrom: ['/editions/2/'] };
  for (const p of planRedirects([claimsOwnPage], createPaths('/')).problems)
    out.add(PROBLEM_LINE.exec(formatProblem(p))?.[1] ?? formatProblem(p));
  // What `npm run import` says of the Jekyll fixture site (a dry run writes nothing).
  const imported = execFileSync(
    process.execPath,
    ['scripts/import.ts', 'tests/fixtures/import/jekyll-site/source', '--dry-run'],
    {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '' },
      encoding: 'utf8',
    },
  );
  for (const line of imported.split('\n')) out.add(PROBLEM_LINE.exec(line)?.[1] ?? line);
  return out;
}

describe('the messages README.md and docs/edition-format.md show', () => {
  it('are each exactly what the checker or the build prints for a fixture', async () => {
    // What `npm run figures` prints needs the forums: tests/cli/figures.test.ts pins those lines.
    const lines = docExampleLines().filter(({ shown }) => !FIGURES_LINE.test(shown));
    expect(lines.length).toBeGreaterThan(40);
    const real = await printed();
    expect(lines.filter(({ shown }) => !real.has(shown)).map(({ at, shown }) => `${at}  ${shown}`)).toEqual([]);
  });
});
