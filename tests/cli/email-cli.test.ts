// `npm run email -- <n>`: what it says for an edition that does not exist, and for a draft.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SITE = 'tests/fixtures/site/editions';

/** Runs the email script over the fixture site; never throws on a non-zero exit. */
async function email(...args: string[]) {
  const result = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/email.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, EDITIONS_DIR: SITE, BUILD_DATE: '2026-06-01T00:00:00Z' },
  }).catch((e: { code: number; stdout: string; stderr: string }) => e);
  return { code: 'code' in result ? result.code : 0, stderr: result.stderr.trim() };
}

describe('npm run email', () => {
  it('says an edition that does not exist does not exist, naming the latest', async () => {
    expect(await email('7')).toEqual({
      code: 1,
      stderr: `email: edition 7 does not exist in ${SITE}; the latest is edition 6`,
    });
  });

  it('says a draft is left out of builds, and how to write its email anyway', async () => {
    expect(await email('5')).toEqual({
      code: 1,
      stderr: 'email: edition 5 is a draft, so builds leave it out; pass --out <folder> to write its email there',
    });
  });
});
