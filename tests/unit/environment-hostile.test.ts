/** Hostile environment values and settings: each is one line naming the variable or module, never a stack trace. */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import settings from '../../src/site.config.ts';
import { buildNow } from '../../src/model/editions.ts';
import { fsReason } from '../../src/diagnostics/from-fs.ts';
import { environmentProblems, EnvironmentError } from '../../src/site/environment.ts';
import { SiteConfigError, validateSite } from '../../src/site/settings.ts';

const root = mkdtempSync(join(tmpdir(), 'environment-hostile-'));
mkdirSync(join(root, 'content/editions'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostile environment values', () => {
  it('refuses a SOURCE_DATE_EPOCH past the year 9999 instead of an invalid date', () => {
    const line =
      'SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 such as 1774180800, at most 253402300799 (9999-12-31), got "999999999999999"';
    expect(environmentProblems({ SOURCE_DATE_EPOCH: '999999999999999' }, { root })).toEqual([line]);
    expect(() => buildNow({ SOURCE_DATE_EPOCH: '999999999999999' })).toThrow(EnvironmentError);
    expect(buildNow({ SOURCE_DATE_EPOCH: '253402300799' }).toISOString()).toBe('9999-12-31T23:59:59.000Z');
  });

  it('refuses a BUILD_DATE on a day the calendar does not have, instead of rolling it into March', () => {
    expect(environmentProblems({ BUILD_DATE: '2026-02-30T12:00:00Z' }, { root })).toEqual([
      'BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got "2026-02-30T12:00:00Z"',
    ]);
    expect(environmentProblems({ BUILD_DATE: '2026-03-22T24:30:00Z' }, { root })).toHaveLength(1);
    expect(environmentProblems({ BUILD_DATE: '2028-02-29T12:00:00+01:00' }, { root })).toEqual([]);
  });

  it('accepts an absolute EDITIONS_DIR', () => {
    const absolute = join(root, 'content/editions');
    expect(environmentProblems({ EDITIONS_DIR: absolute }, { root: '/nonexistent', editionsMustExist: true })).toEqual(
      [],
    );
    expect(environmentProblems({ EDITIONS_DIR: join(root, 'nope') }, { root, editionsMustExist: true })).toEqual([
      `EDITIONS_DIR: no such folder; expected the folder of edition files, got "${join(root, 'nope')}"`,
    ]);
  });

  it('names SITE_URL or BASE_PATH, not the settings module, when the variable gave the bad value', () => {
    const env = { SITE_URL: 'ftp://example.org', BASE_PATH: '/../' };
    expect(() => validateSite({ ...settings, site: env.SITE_URL, base: env.BASE_PATH }, 'src/site.config.ts', env))
      .toThrowErrorMatchingInlineSnapshot(`
      [SiteConfigError: SITE_URL: expected an http(s) URL such as "https://example.org", got "ftp://example.org"
      BASE_PATH: expected a path without "." or ".." folders, such as "/newsletter/", got "/../"]
    `);
    // The same values written in the module are the module's mistake.
    expect(() => validateSite({ ...settings, base: '/a/./' }, 'src/site.config.ts', {})).toThrow(
      'src/site.config.ts  base: expected a path without "." or ".." folders, such as "/newsletter/", got "/a/./"',
    );
  });

  it('names the settings module when one of its getters throws', () => {
    const throwing = Object.defineProperty({ ...settings }, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => validateSite(throwing, 'tests/fixtures/settings/x.ts', {})).toThrow(SiteConfigError);
    expect(() => validateSite(throwing, 'tests/fixtures/settings/x.ts', {})).toThrow(
      /^tests\/fixtures\/settings\/x\.ts {2}settings: could not be read \(boom\); expected plain values$/,
    );
  });

  it('words a file over 2 GiB as a reason, not a bare code', () => {
    expect(
      fsReason(
        Object.assign(new RangeError('File size (3221225472) is greater than 2 GiB'), {
          code: 'ERR_FS_FILE_TOO_LARGE',
        }),
      ),
    ).toBe('ERR_FS_FILE_TOO_LARGE: larger than 2 GiB');
  });
});
