import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BASE = join(ROOT, 'tests/.output/email-number');

async function email(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/email.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run email and edition 0', () => {
  it('writes the email of edition 0, and refuses what is not a whole number', async () => {
    rmSync(BASE, { recursive: true, force: true });
    mkdirSync(join(BASE, 'editions'), { recursive: true });
    writeFileSync(
      join(BASE, 'editions/2018-06-08-first.md'),
      '---\nedition: 0\ndate: 2018-06-08\ntitle: "Newsletter #0"\n---\n\nThe first issue.\n\n## News\n\nText.\n',
    );
    const out = join(BASE, 'mail');
    const written = await email(['0', '--out', out], { EDITIONS_DIR: 'tests/.output/email-number/editions' });
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(readFileSync(join(out, 'email.txt'), 'utf8')).toContain('Newsletter #0');
    for (const bad of ['-1', '', '1.5', 'x']) {
      const refused = await email(['--', bad]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr, bad).toContain(`email: expected one edition number, got ${JSON.stringify(bad)}`);
    }
    expect(existsSync(join(out, 'email.html'))).toBe(true);
  });
});
