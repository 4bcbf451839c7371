import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, OUTPUT } from './sites.ts';

describe('a build of editions with mistakes', () => {
  const outDir = join(OUTPUT, 'broken');
  const { status, output } = buildSite({ name: 'broken', editions: 'tests/fixtures/broken' }, outDir);

  it('fails', () => {
    expect(status).not.toBe(0);
  });

  it('names every file, line and field, one problem per line', () => {
    expect(output).toContain(
      'tests/fixtures/broken/2026-02-01-edition-7.md:3  date: expected an ISO 8601 date or date-time, got "March 22"',
    );
    expect(output).toContain(
      'tests/fixtures/broken/2026-02-08-edition-8.md:8  link: javascript: links run script; not allowed, got "javascript:alert(1)"',
    );
    expect(output).toContain(
      'tests/fixtures/broken/2026-02-08-edition-8.md:5  discussions[0].url: "https://news.ycombinator.com/item?id=1" is not linked in the body',
    );
  });

  it('prints no stack trace and publishes nothing', () => {
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('Stack trace');
    expect(existsSync(outDir)).toBe(false);
  });
});
