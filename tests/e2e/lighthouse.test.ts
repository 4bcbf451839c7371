import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { distOf, ROOT, SITES } from '../build/sites.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'scripts/lighthouse.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );

describe('Lighthouse threshold (npm run lighthouse)', () => {
  it('passes an edition page at 0.95 or more in every category', async () => {
    const { code, stdout } = await run([distOf(SITES.content), '/editions/2/']);
    expect(stdout).toContain('lighthouse: /editions/2/ passes');
    expect(code).toBe(0);
  }, 180_000);

  it('fails a deliberately broken page', async () => {
    // What it fails on (contrast, lang, alt text, a description) does not depend on timings: one run is enough.
    const { code, stdout } = await run([join(ROOT, 'tests/fixtures/broken-pages'), '/'], { LIGHTHOUSE_RUNS: '1' });
    expect(stdout).toMatch(/FAIL (accessibility|seo)/);
    expect(code).toBe(1);
  }, 180_000);
});
