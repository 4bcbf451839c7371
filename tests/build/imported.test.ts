import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePelicanArchive } from '../support/pelican.ts';
import { buildSite, OUTPUT, ROOT } from './sites.ts';

const FORMATS = ['pelican', 'front-matter', 'markdown', 'substack', 'ghost'];

describe('imported archives build', () => {
  // `tests/cli/import.test.ts` shows the importer writes exactly `expected/`; here those editions become a site.
  it.each(FORMATS)('%s: the imported editions build into a page each', (format) => {
    const editions = `tests/fixtures/import/${format}/expected`;
    const out = join(OUTPUT, `imported-${format}`);
    rmSync(out, { recursive: true, force: true });
    const { status, output } = buildSite({ name: `imported-${format}`, editions }, out);
    expect(status, output).toBe(0);
    // Every imported edition is published but the drafts (a source's own drafts stay drafts).
    const files = readdirSync(join(ROOT, editions)).filter((name) => name.endsWith('.md'));
    const published = files.filter((name) => !/^draft: true$/m.test(readFileSync(join(ROOT, editions, name), 'utf8')));
    expect(published.length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'editions')).filter((name) => /^\d+$/.test(name))).toHaveLength(published.length);
  });

  it('a Pelican archive of 300 editions imports and builds', { timeout: 600_000 }, () => {
    const base = join(ROOT, 'tests/.output/imported-pelican-300');
    rmSync(base, { recursive: true, force: true });
    mkdirSync(join(base, 'source'), { recursive: true });
    writePelicanArchive(join(base, 'source'), 300);
    execFileSync(process.execPath, ['scripts/import.ts', join(base, 'source'), '--out', join(base, 'editions')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const out = join(OUTPUT, 'imported-pelican-300-site');
    rmSync(out, { recursive: true, force: true });
    const { status, output } = buildSite(
      { name: 'imported-pelican-300-site', editions: 'tests/.output/imported-pelican-300/editions' },
      out,
    );
    expect(status, output).toBe(0);
    expect(readdirSync(join(out, 'editions')).filter((name) => /^\d+$/.test(name))).toHaveLength(300);
  });
});
