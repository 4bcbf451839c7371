import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences } from '../quality/static-gates.ts';
import { buildSite, distOf, OUTPUT, SITES } from './sites.ts';

describe('reproducible and atomic builds', () => {
  it('builds the same commit twice into byte-identical folders', () => {
    const again = join(OUTPUT, 'fixture-again');
    const { status, output } = buildSite(SITES.fixture, again);
    expect(status, output).toBe(0);
    expect(differences(distOf(SITES.fixture), again)).toEqual([]);
  });

  it('notices when two folders differ', () => {
    const copy = join(OUTPUT, 'fixture-changed');
    rmSync(copy, { recursive: true, force: true });
    cpSync(distOf(SITES.fixture), copy, { recursive: true });
    writeFileSync(join(copy, 'editions/1/index.html'), 'changed');
    rmSync(join(copy, 'rss.xml'));
    expect(differences(distOf(SITES.fixture), copy)).toEqual(['editions/1/index.html', 'rss.xml']);
  });

  it('leaves the previous site untouched when a build fails', () => {
    const site = join(OUTPUT, 'atomic');
    rmSync(site, { recursive: true, force: true });
    cpSync(distOf(SITES.content), site, { recursive: true });
    const { status, output } = buildSite({ name: 'atomic', editions: 'tests/fixtures/broken' }, site);
    expect(status).not.toBe(0);
    expect(output).toContain(`${site} was left as it was`);
    expect(differences(distOf(SITES.content), site)).toEqual([]);
  });
});
