import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNow } from '../../src/model/editions.ts';
import { editionsDirFrom, environmentProblems, EnvironmentError, publicDirFrom } from '../../src/site/environment.ts';

const root = mkdtempSync(join(tmpdir(), 'environment-'));
mkdirSync(join(root, 'content/editions'), { recursive: true });
writeFileSync(join(root, 'content/topics.yaml'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('environment mistakes are problem lines', () => {
  it('names a BUILD_DATE or SOURCE_DATE_EPOCH that is not a date', () => {
    expect(environmentProblems({ BUILD_DATE: 'garbage', SOURCE_DATE_EPOCH: '17e8' }, { root })).toEqual([
      'BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got "garbage"',
      'SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 such as 1774180800, got "17e8"',
    ]);
    expect(environmentProblems({ BUILD_DATE: '2026-13-01' }, { root })).toHaveLength(1);
    expect(environmentProblems({ BUILD_DATE: 'March 29 2026' }, { root })).toHaveLength(1);
    expect(environmentProblems({ BUILD_DATE: '', SOURCE_DATE_EPOCH: '' }, { root })).toEqual([]);
  });

  it('throws a stackless EnvironmentError from buildNow instead of an invalid date', () => {
    expect(() => buildNow({ BUILD_DATE: 'garbage' })).toThrow(EnvironmentError);
    expect(() => buildNow({ BUILD_DATE: 'garbage' })).toThrow(/^BUILD_DATE: expected an ISO 8601 date-time/);
    expect(buildNow({ BUILD_DATE: '2026-03-22 12:00:00+01:00' }).toISOString()).toBe('2026-03-22T11:00:00.000Z');
  });

  it('refuses an empty EDITIONS_DIR or OUT_DIR, and a missing or non-folder EDITIONS_DIR', () => {
    expect(environmentProblems({ EDITIONS_DIR: '', OUT_DIR: ' ' }, { root, outDir: true })).toEqual([
      'EDITIONS_DIR: expected a folder such as content/editions, got "" (unset it for the default)',
      'OUT_DIR: expected a folder such as dist, got "" (unset it for the default)',
    ]);
    expect(() => editionsDirFrom({ EDITIONS_DIR: '' })).toThrow(EnvironmentError);
    expect(editionsDirFrom({})).toBe('content/editions');
    expect(environmentProblems({ EDITIONS_DIR: 'nope' }, { root, editionsMustExist: true })).toEqual([
      'EDITIONS_DIR: no such folder; expected the folder of edition files, got "nope"',
    ]);
    expect(environmentProblems({ EDITIONS_DIR: 'content/topics.yaml' }, { root, editionsMustExist: true })).toEqual([
      'EDITIONS_DIR: not a folder but a file; expected the folder of edition files, got "content/topics.yaml"',
    ]);
    expect(environmentProblems({ EDITIONS_DIR: 'content/editions' }, { root, editionsMustExist: true })).toEqual([]);
  });

  it('refuses an empty PUBLIC_DIR, or one that is a file; one not made yet is fine', () => {
    expect(environmentProblems({ PUBLIC_DIR: ' ' }, { root })).toEqual([
      'PUBLIC_DIR: expected a folder such as public, got "" (unset it for the default)',
    ]);
    expect(environmentProblems({ PUBLIC_DIR: 'content/topics.yaml' }, { root })).toEqual([
      'PUBLIC_DIR: not a folder but a file; expected the folder of files served as they are, got "content/topics.yaml"',
    ]);
    expect(environmentProblems({ PUBLIC_DIR: 'imported/public' }, { root })).toEqual([]);
    expect(publicDirFrom({})).toBe('public');
    expect(publicDirFrom({ PUBLIC_DIR: 'imported/public' })).toBe('imported/public');
  });

  it('refuses an empty NEWSLETTER_CACHE_DIR, or one that is a file', () => {
    expect(environmentProblems({ NEWSLETTER_CACHE_DIR: ' ' }, { root })).toEqual([
      'NEWSLETTER_CACHE_DIR: expected a folder such as node_modules/.cache/newsletter, got "" (unset it for the default)',
    ]);
    expect(environmentProblems({ NEWSLETTER_CACHE_DIR: 'content/topics.yaml' }, { root })).toEqual([
      'NEWSLETTER_CACHE_DIR: not a folder but a file; expected a folder for the caches, got "content/topics.yaml"',
    ]);
    expect(environmentProblems({ NEWSLETTER_CACHE_DIR: 'a/new/folder' }, { root })).toEqual([]);
  });
});
