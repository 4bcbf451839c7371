import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_BUDGET_MS } from '../../src/rules/limits.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the Node version the project asks for', () => {
  it('is at least 22.18, where plain `node` runs the .ts npm scripts', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string> };
    expect(pkg.engines.node).toBe('>=22.18');
    expect(Object.values(pkg.scripts).filter((s) => /&& node \S+\.ts\b/.test(s)).length).toBeGreaterThan(0);
  });

  it('is checked first by every npm script, so an older Node prints one line instead of a stack trace', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const unchecked = Object.entries(pkg.scripts).filter(
      ([, s]) => !/^node scripts\/require-node\.js (settings )?&& /.test(s),
    );
    expect(unchecked).toEqual([]);
  });

  it('has every script that reads the settings load them first under the time budget', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const probed = Object.keys(pkg.scripts).filter((name) =>
      pkg.scripts[name]!.startsWith('node scripts/require-node.js settings && '),
    );
    // The budget require-node.js reads from limits.ts as text (a plain-JavaScript script loads no TypeScript).
    const line = /^export const SETTINGS_BUDGET_MS = ([\d_]+);$/m.exec(read('src/rules/limits.ts'));
    expect(Number(line?.[1]?.replace(/_/g, ''))).toBe(SETTINGS_BUDGET_MS);
    expect(probed).toEqual([
      'dev',
      'build',
      'preview',
      'check',
      'typecheck',
      'new',
      'figures',
      'import',
      'email',
      'send',
    ]);
  });

  it('is the same in CI, the lock file, the README and .nvmrc', () => {
    expect(read('.ci/run')).toContain('(a === 22 && b >= 18)');
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node: string } }> };
    expect(lock.packages['']?.engines?.node).toBe('>=22.18');
    expect(read('README.md')).toContain('any Node ≥ 22.18 works');
    expect(read('.nvmrc').trim()).toBe('24');
  });
});
