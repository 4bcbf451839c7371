import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { writeCorpusSite } from '../support/corpus.ts';
import { buildSite, distOf, ROOT, SITES } from './sites.ts';

const SETTINGS = { timeZone: 'America/New_York', lang: 'en-US' };

/**
 * Builds each fixture site once per test run; the build and e2e tiers then
 * read `tests/.output/<site>/`. Both projects name this setup, and vitest
 * runs it in one process, so the second call finds the sites built.
 */
export default function setup(): void {
  if (process.env['NEWSLETTER_TEST_SITES'] === 'built') return;
  // Only what this setup writes: other tiers keep their own folders under tests/.output while it runs.
  for (const site of Object.values(SITES)) rmSync(distOf(site), { recursive: true, force: true });
  writeCorpusSite(join(ROOT, SITES.corpus.editions), (text) => {
    const result = compileEdition('corpus.md', new TextEncoder().encode(text), SETTINGS);
    return result.edition !== null;
  });
  for (const site of Object.values(SITES)) {
    const { status, output } = buildSite(site);
    if (status !== 0) throw new Error(`building the ${site.name} site failed:\n${output}`);
  }
  process.env['NEWSLETTER_TEST_SITES'] = 'built';
}
