// What a production build says it left out, and when it warns about the example site URL.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { listEditionFiles } from '../../src/loader/load-editions.ts';
import { leftOutLines } from '../../src/model/left-out.ts';
import { EXAMPLE_SITE_URL } from '../../src/schemas/site.ts';
import { exampleSiteWarning, validateSite } from '../../src/site/settings.ts';
import settings from '../../src/site.config.ts';

const ROOT = join(import.meta.dirname, '../..');
const FOLDER = 'tests/fixtures/site/editions';

const editions = listEditionFiles(join(ROOT, FOLDER), ROOT).map((name) => {
  const file = `${FOLDER}/${name}`;
  const { edition } = compileEdition(file, readFileSync(join(ROOT, file)), {
    timeZone: 'America/New_York',
    lang: 'en-US',
  });
  if (!edition) throw new Error(`${file} does not compile`);
  return edition;
});

describe('what a build leaves out', () => {
  it('is one line per draft and per scheduled edition, lowest number first', () => {
    expect(leftOutLines(editions, new Date('2026-06-01T00:00:00Z'))).toEqual([
      'edition 5 is a draft: not published',
      'edition 6 is scheduled for 2026-12-01T09:00:00-05:00: published by the first build after that time',
    ]);
  });

  it('no longer names a scheduled edition once its time has come', () => {
    expect(leftOutLines(editions, new Date('2026-12-01T14:00:00Z'))).toEqual(['edition 5 is a draft: not published']);
  });
});

describe('the example site URL', () => {
  const site = (url: string) => validateSite({ ...settings, site: url });

  it('is a warning naming the setting and SITE_URL when the URL was never set', () => {
    expect(exampleSiteWarning(site(EXAMPLE_SITE_URL), {})).toBe(
      `site: warning: ${EXAMPLE_SITE_URL} is the example URL, so feeds, emails, the sitemap and link previews point to a site that is not yours; set site in src/site.config.ts, or the SITE_URL variable, to the newsletter's own URL`,
    );
    expect(exampleSiteWarning(site(`${EXAMPLE_SITE_URL}/`), { SITE_CONFIG: 'my.config.ts' })).toContain(
      'set site in my.config.ts, or the SITE_URL variable',
    );
  });

  it('comes from the shipped settings only while SITE_URL is unset', () => {
    const warning = (env: Record<string, string>) => {
      const rest = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SITE_URL'));
      return execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import { exampleSiteWarning, getSite } from './src/site/settings.ts'; console.log(exampleSiteWarning(getSite()) ?? 'none')",
        ],
        { cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8' },
      ).trim();
    };
    expect(warning({})).toMatch(/^site: warning: https:\/\/ai-platforms\.example\.org is the example URL/);
    expect(warning({ SITE_URL: 'https://octo.github.io' })).toBe('none');
  });

  it('is never a warning once the URL is set, as the GitHub Pages workflow sets SITE_URL', () => {
    expect(exampleSiteWarning(site('https://octo.github.io'), { SITE_URL: 'https://octo.github.io' })).toBeNull();
    expect(exampleSiteWarning(site('https://news.example.net'), {})).toBeNull();
  });
});
