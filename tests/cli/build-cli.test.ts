import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `npm run build`'s script with a mistake that stops it before Astro starts. */
async function build(env: Record<string, string>) {
  const result = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('npm run build refuses, in one line and before building anything', () => {
  it('an output folder that is the project or one of its folders', async () => {
    const before = readdirSync(join(ROOT, 'content/editions'));
    expect(await build({ OUT_DIR: 'content' })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'OUT_DIR: expected a folder of its own for the built site, such as dist, got "content" (the project\'s content/ folder); nothing was built or deleted',
    });
    expect(readdirSync(join(ROOT, 'content/editions'))).toEqual(before);
    expect((await build({ OUT_DIR: '.' })).stderr).toMatch(/\(the project root\); nothing was built or deleted$/);
  });

  it('a BUILD_DATE that is not a date, and an empty OUT_DIR or EDITIONS_DIR', async () => {
    expect(await build({ BUILD_DATE: 'garbage' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'BUILD_DATE: expected an ISO 8601 date-time such as 2026-03-22T12:00:00Z, got "garbage"',
    });
    expect(await build({ OUT_DIR: '', EDITIONS_DIR: '' })).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'EDITIONS_DIR: expected a folder such as content/editions, got "" (unset it for the default)',
        'OUT_DIR: expected a folder such as dist, got "" (unset it for the default)',
      ].join('\n'),
    });
  });
});
