/** `npm run dev`'s problems in the browser: grouping by file, the number of a broken edition, page or banner, wording. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { devContentSecurityPolicy } from '../../src/site/dev-security.ts';
import { DEV_STRINGS } from '../../src/i18n/dev-strings.ts';
import { contentSecurityPolicy } from '../../src/site/security.ts';
import { afterQuiet, latestOnly } from '../../src/loader/latest-only.ts';
import { errorsFirst, fileProblems, frontMatterNumber, problemPlaces } from '../../src/loader/file-problems.ts';
import { loadContent } from '../../src/loader/load-content.ts';
import { ProblemChannel } from '../../src/loader/problems-loader.ts';
import type { FileProblems } from '../../src/schemas/file-problems.ts';
import { edition, SETTINGS } from '../support/compile.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const root = mkdtempSync(join(tmpdir(), 'dev-problems-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('frontMatterNumber', () => {
  it('reads the number of an edition whose other fields are wrong', () => {
    expect(frontMatterNumber('e.md', bytes(edition('edition: 7\ndate: 2026-13-01\nbogus: 1')))).toBe(7);
  });

  it('reads edition 0 as a number, not as "none"', () => {
    expect(frontMatterNumber('e.md', bytes(edition('edition: 0\ndate: 2026-01-01')))).toBe(0);
  });

  it('gives null when the front matter is missing, broken or the number is not a whole number, 0 or more', () => {
    expect(frontMatterNumber('e.md', bytes('Just text.\n'))).toBeNull();
    expect(frontMatterNumber('e.md', bytes('---\nedition: 7\ndate: [2026\n---\n\nText.\n'))).toBeNull();
    expect(frontMatterNumber('e.md', bytes('---\nedition: 7\n'))).toBeNull();
    for (const n of ['seven', '-2', '2.5', '"7"'])
      expect(frontMatterNumber('e.md', bytes(edition(`edition: ${n}\ndate: 2026-01-01`)))).toBeNull();
  });
});

describe('fileProblems', () => {
  it('groups every problem of a file with an error by file, errors first, with the number its front matter gives', async () => {
    const dir = join(root, 'editions');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '2026-01-01-edition-1.md'), edition('edition: 1\ndate: 2026-01-01'));
    writeFileSync(
      join(dir, '2026-01-08-edition-3.md'),
      edition('edition: 3\ndate: 2026-13-08\nbogus: 1', '# Title\n\nIntro.\n'),
    );
    writeFileSync(join(dir, '2026-01-09-edition-5.md'), edition('edition: 5\ndate: 2026-01-09'));
    writeFileSync(join(dir, 'broken.md'), 'no front matter\n');
    const result = await loadContent({ root, dir: 'editions', settings: SETTINGS, cache: false });
    const entries = fileProblems(root, result.problems);
    // Edition 5 has only a warning (a gap in numbering): it builds, so it is not listed.
    expect(entries.map((e) => [e.file, e.number])).toEqual([
      ['editions/2026-01-08-edition-3.md', 3],
      ['editions/broken.md', null],
    ]);
    expect(entries[0]!.problems.map((p) => p.severity)).toEqual(['error', 'error', 'warning']);
    expect(entries[0]!.problems[0]).toMatchObject({ line: 3, field: 'date' });
  });

  it('puts errors before warnings, keeping the cause-first order the loader gives', () => {
    const p = (line: number, severity: 'error' | 'warning') => ({
      file: 'f',
      line,
      field: 'x',
      message: 'm',
      severity,
    });
    // A body error (line 9) that causes a front-matter one (line 2) stays before it.
    expect(errorsFirst([p(1, 'warning'), p(9, 'error'), p(2, 'error')])).toEqual([
      p(9, 'error'),
      p(2, 'error'),
      p(1, 'warning'),
    ]);
  });
});

describe('problemPlaces', () => {
  const entry = (file: string, number: number | null): FileProblems => ({ file, number, problems: [] });

  it('gives a page to a number no shown edition has, and the banner to the rest', () => {
    const places = problemPlaces(
      [entry('a.md', 3), entry('b.md', null), entry('c.md', 1), entry('d.md', 3), entry('topics.yaml', null)],
      new Set([1, 2]),
    );
    expect([...places.pages]).toEqual([[3, [entry('a.md', 3), entry('d.md', 3)]]]);
    expect(places.banner.map((e) => e.file)).toEqual(['b.md', 'c.md', 'topics.yaml']);
  });
});

describe('ProblemChannel', () => {
  it('hands the first result to a loader waiting for it, and later ones to its listener', async () => {
    const channel = new ProblemChannel();
    const first = channel.latest();
    channel.publish([entry('a.md')]);
    expect(await first).toEqual([entry('a.md')]);
    const seen: FileProblems[][] = [];
    channel.listen((entries) => seen.push(entries));
    channel.publish([]);
    expect(seen).toEqual([[]]);
    expect(await channel.latest()).toEqual([]);
    function entry(file: string): FileProblems {
      return { file, number: null, problems: [] };
    }
  });
});

describe('dev wording and policy', () => {
  it('counts problems and files in words', () => {
    expect(DEV_STRINGS.editionSummary(1)).toBe('This edition has 1 problem; fix it and save: this page reloads.');
    expect(DEV_STRINGS.editionSummary(3)).toBe('This edition has 3 problems; fix them and save: this page reloads.');
    expect(DEV_STRINGS.bannerSummary(2, 1)).toMatch(/^2 problems in 1 file that no edition page shows/);
  });

  it('allows inline styles in dev only, leaving the rest of the policy as it is', () => {
    const dev = devContentSecurityPolicy(contentSecurityPolicy());
    expect(dev).toContain("style-src 'self' 'unsafe-inline';");
    expect(dev.replace(" 'unsafe-inline'", '')).toBe(contentSecurityPolicy());
    expect(contentSecurityPolicy()).not.toContain('unsafe-inline');
  });
});

describe('latestOnly', () => {
  it('never overlaps runs, and runs once more after calls that came in while it ran', async () => {
    const log: string[] = [];
    let release = () => {};
    let runs = 0;
    const job = latestOnly(async () => {
      const run = ++runs;
      log.push(`start ${run}`);
      if (run === 1) await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${run}`);
    });
    const first = job();
    const second = job();
    void job();
    release();
    await Promise.all([first, second]);
    await job();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('fails when the last run failed, and runs again after a failure', async () => {
    let fail = true;
    const job = latestOnly(async () => {
      if (fail) throw new Error('boom');
    });
    await expect(job()).rejects.toThrow('boom');
    fail = false;
    await expect(job()).resolves.toBeUndefined();
  });
});

describe('afterQuiet', () => {
  it('runs once, when no call has come for the quiet time', () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const settle = afterQuiet(() => runs++, 100);
      settle();
      vi.advanceTimersByTime(60);
      settle();
      vi.advanceTimersByTime(60);
      expect(runs).toBe(0);
      vi.advanceTimersByTime(40);
      expect(runs).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
