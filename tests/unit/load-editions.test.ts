import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { loadEditions } from '../../src/loader/load-editions.ts';
import { pipelineVersion } from '../../src/loader/compile-cache.ts';
import { LoadMemory } from '../../src/loader/load-memory.ts';
import { cachedText } from '../../src/render/artifact-cache.ts';
import { SETTINGS } from '../support/compile.ts';

let root: string;
const write = (name: string, text: string) => writeFileSync(join(root, 'content/editions', name), text);
const file = (n: number, date: string, extra = '') =>
  `---\nedition: ${n}\ndate: ${date}\n${extra}---\n\nIntro of ${n}.\n`;
const load = () => loadEditions({ root, settings: SETTINGS, cache: false });
const lines = async () => (await load()).problems.map(formatProblem);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'editions-'));
  mkdirSync(join(root, 'content/editions'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loading every edition', () => {
  it('returns valid editions newest first and ignores files starting with "_"', async () => {
    write('a.md', file(1, '2026-01-01'));
    write('b.md', file(2, '2026-01-08'));
    write('_template.md', 'not an edition at all');
    const result = await load();
    expect(result.editions.map((e) => e.number)).toEqual([2, 1]);
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(2);
  });

  it('names both files when two claim one number', async () => {
    write('2026-01-01-edition-2.md', file(2, '2026-01-01'));
    write('2026-01-08-edition-2.md', file(2, '2026-01-08'));
    expect(await lines()).toEqual([
      'content/editions/2026-01-08-edition-2.md:2  edition: 2 is already used by content/editions/2026-01-01-edition-2.md',
    ]);
  });

  it('rejects dates that go back as numbers go up', async () => {
    write('a.md', file(1, '2026-02-01'));
    write('b.md', file(2, '2026-01-01'));
    expect(await lines()).toEqual([
      "content/editions/b.md:3  date: edition 2's date 2026-01-01T00:00:00-05:00 is earlier than edition 1's date 2026-02-01T00:00:00-05:00 (content/editions/a.md); expected dates to grow with edition numbers",
    ]);
  });

  it('warns about a gap in numbering without failing', async () => {
    write('a.md', file(1, '2026-01-01'));
    write('b.md', file(4, '2026-01-08'));
    const result = await load();
    expect(result.problems.map(formatProblem)).toEqual([
      'content/editions/b.md:2  edition: warning: numbers jump from 1 to 4; editions 2–3 are missing (fine if withdrawn)',
    ]);
    expect(result.editions).toHaveLength(2);
  });

  it('collects the problems of every file in one run, sorted by file and line', async () => {
    write('a.md', file(1, 'soon'));
    write('b.md', '---\nedition: 2\n');
    expect(await lines()).toEqual([
      'content/editions/a.md:3  date: expected an ISO 8601 date or date-time, got "soon"',
      'content/editions/b.md:1  front matter: not closed; expected a line "---" after the last front-matter field',
    ]);
  });
});

describe('dev from nothing: the newest editions first', () => {
  it('compiles the highest numbers first, then the whole folder with the rules across files', async () => {
    write('a.md', file(1, '2026-01-01'));
    write('b.md', file(2, '2026-01-08'));
    write('c.md', file(4, '2026-01-03'));
    write('z.md', file(3, '2026-01-15'));
    const first = await loadEditions({ root, settings: SETTINGS, cache: false, soon: { count: 2, rest: true } });
    expect(first.editions.map((e) => e.number)).toEqual([4, 3]);
    // Edition 4 is dated before edition 3: said once the whole folder is in, not about a part of it.
    expect(first.problems).toEqual([]);
    const whole = await first.rest!;
    expect(whole.editions.map((e) => e.number)).toEqual([4, 3, 2, 1]);
    expect(whole.problems.map(formatProblem)).toEqual([
      "content/editions/c.md:3  date: edition 4's date 2026-01-03T00:00:00-05:00 is earlier than edition 3's date 2026-01-15T00:00:00-05:00 (content/editions/z.md); expected dates to grow with edition numbers",
    ]);
    expect(whole.rest).toBeUndefined();
  });

  it('loads in one go when no more than that many files need compiling', async () => {
    write('a.md', file(1, '2026-01-01'));
    write('b.md', file(2, '2026-01-08'));
    const result = await loadEditions({ root, settings: SETTINGS, cache: false, soon: { count: 2, rest: true } });
    expect(result.editions.map((e) => e.number)).toEqual([2, 1]);
    expect(result.partial).toBeUndefined();
    expect(result.rest).toBeUndefined();
  });

  it('compiles a file saved meanwhile before the newest, and leaves the rest to the load already under way', async () => {
    for (let n = 1; n <= 6; n++) write(`e${n}.md`, file(n, `2026-01-0${n}`));
    const result = await loadEditions({
      root,
      settings: SETTINGS,
      cache: false,
      soon: { count: 2, rest: false, prefer: new Set(['content/editions/e2.md']) },
    });
    expect(result.editions.map((e) => e.number)).toEqual([6, 2]);
    expect(result.partial).toBe(true);
    expect(result.rest).toBeUndefined();
  });
});

describe('the render cache', () => {
  const cached = () => loadEditions({ root, settings: SETTINGS });

  it('serves a changed file fresh, never stale', async () => {
    write('a.md', file(1, '2026-01-01'));
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Intro of 1.</p>');
    write('a.md', file(1, '2026-01-01').replace('Intro of 1.', 'Changed intro.'));
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Changed intro.</p>');
  });

  it('recomputes when the settings compiling depends on change', async () => {
    write('a.md', file(1, '2026-01-01'));
    expect((await cached()).editions[0]?.date).toBe('2026-01-01T00:00:00-05:00');
    const berlin = await loadEditions({ root, settings: { ...SETTINGS, timeZone: 'Europe/Berlin' } });
    expect(berlin.editions[0]?.date).toBe('2026-01-01T00:00:00+01:00');
  });
});

// `dev` loads the folder again after every save, and does not read again a file it has seen unchanged.
describe("a dev session's memory of the files it read", () => {
  const memory = new LoadMemory();
  const cached = () => loadEditions({ root, settings: SETTINGS, memory });

  it('serves a file rewritten to the same size with its old modification time fresh', async () => {
    const path = join(root, 'content/editions/a.md');
    // A whole second, so that the file system keeps it exactly.
    const then = new Date('2026-01-01T00:00:00Z');
    write('a.md', file(1, '2026-01-01'));
    utimesSync(path, then, then);
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Intro of 1.</p>');
    write('a.md', file(1, '2026-01-01').replace('Intro of 1.', 'Intro of 9.'));
    // As `cp -p` or an archive tool leaves it: the same size and the same modification time.
    utimesSync(path, then, then);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(BigInt(then.getTime()) * 1_000_000n);
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Intro of 9.</p>');
  });

  it('serves a file replaced by a rename fresh', async () => {
    write('a.md', file(1, '2026-01-01'));
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Intro of 1.</p>');
    write('a.md.tmp', file(1, '2026-01-01').replace('Intro of 1.', 'Intro of 7.'));
    renameSync(join(root, 'content/editions/a.md.tmp'), join(root, 'content/editions/a.md'));
    expect((await cached()).editions[0]?.introHtml).toBe('<p>Intro of 7.</p>');
  });

  it('serves a file again when the settings change, and forgets a file that is gone', async () => {
    write('a.md', file(1, '2026-01-01'));
    write('b.md', file(2, '2026-01-08'));
    expect((await cached()).editions.map((e) => e.date)).toEqual([
      '2026-01-08T00:00:00-05:00',
      '2026-01-01T00:00:00-05:00',
    ]);
    const berlin = await loadEditions({ root, settings: { ...SETTINGS, timeZone: 'Europe/Berlin' }, memory });
    expect(berlin.editions[1]?.date).toBe('2026-01-01T00:00:00+01:00');
    rmSync(join(root, 'content/editions/b.md'));
    expect((await cached()).editions.map((e) => e.number)).toEqual([1]);
  });
});

describe('cache keys', () => {
  it('change when code that compiling imports changes, and not for code it does not import', () => {
    const copy = join(root, 'site');
    cpSync(join(import.meta.dirname, '../../src'), join(copy, 'src'), { recursive: true });
    cpSync(join(import.meta.dirname, '../../package-lock.json'), join(copy, 'package-lock.json'));
    const before = pipelineVersion('{}', copy);
    expect(pipelineVersion('{}', copy)).toBe(before);
    const page = join(copy, 'src/components/SiteFooter.astro');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n<!-- changed -->\n`);
    expect(pipelineVersion('{}', copy)).toBe(before);
    const plugin = join(copy, 'src/markdown/rehype-heading-anchors.ts');
    writeFileSync(plugin, `${readFileSync(plugin, 'utf8')}\n// changed\n`);
    expect(pipelineVersion('{}', copy)).not.toBe(before);
  });

  it('remake an artifact when its input changes and reuse it otherwise', async () => {
    let made = 0;
    const make = (text: string) => () => {
      made++;
      return text;
    };
    expect(await cachedText('email.txt', { n: 1 }, make('one'), root)).toBe('one');
    expect(await cachedText('email.txt', { n: 1 }, make('again'), root)).toBe('one');
    expect(await cachedText('email.txt', { n: 2 }, make('two'), root)).toBe('two');
    expect(made).toBe(2);
  });
});

describe('the editions folder', () => {
  it('takes editions filed in sub-folders too, but not from folders starting with "_"', async () => {
    mkdirSync(join(root, 'content/editions/2026'));
    mkdirSync(join(root, 'content/editions/_drafts'));
    write('2026/a.md', file(1, '2026-01-01'));
    write('_drafts/b.md', file(2, '2026-01-08'));
    const result = await load();
    expect(result.editions.map((e) => e.file)).toEqual(['content/editions/2026/a.md']);
  });

  it('reads an empty discussions: or sections: as none, and a date-time written with a space', async () => {
    write('a.md', file(1, '2026-01-01 09:30:00-05:00', 'discussions:\nsections:\n'));
    const result = await load();
    expect(result.problems).toEqual([]);
    expect(result.editions[0]?.date).toBe('2026-01-01T09:30:00-05:00');
  });
});

describe('a missing editions folder', () => {
  it('is a problem naming the folder, not a crash', async () => {
    const result = await loadEditions({ root, dir: 'content/editons', settings: SETTINGS, cache: false });
    expect(result.problems.map(formatProblem)).toEqual([
      'content/editons  editions: no such folder; expected the folder of edition files (content/editions)',
    ]);
  });
});
