import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

/**
 * The pipeline's layers, lowest first, as the README's structure section
 * draws them: a module may import its own layer and the ones below, never
 * one above.
 */
const LAYERS: Record<string, number> = {
  rules: 0,
  diagnostics: 0,
  cache: 0,
  processes: 0,
  i18n: 0,
  schemas: 1,
  site: 2,
  'site.config.ts': 2,
  'handoffs.ts': 2,
  markdown: 3,
  loader: 4,
  model: 5,
  render: 6,
  integrations: 7,
  components: 7,
  layouts: 7,
  pages: 7,
  scripts: 7,
  styles: 7,
  'content.config.ts': 7,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

const layerOf = (file: string) => LAYERS[relative(SRC, file).split('/')[0]!];

describe('the folders are the pipeline', () => {
  const sources = files(SRC);

  it('puts every source file in a known layer', () => {
    expect(sources.length).toBeGreaterThan(60);
    expect(sources.filter((f) => layerOf(f) === undefined).map((f) => relative(SRC, f))).toEqual([]);
  });

  it('never imports from a higher layer', () => {
    const upward: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (!target.startsWith(SRC)) continue;
        if (layerOf(target)! > layerOf(file)!) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('hands values between module graphs only through src/handoffs.ts', () => {
    const slots = sources
      .filter((file) => relative(SRC, file) !== 'handoffs.ts')
      .filter((file) => /Symbol\.for\(|globalThis as \{ \[/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(slots).toEqual([]);
    expect(readFileSync(join(SRC, 'handoffs.ts'), 'utf8')).toContain("Symbol.for('newsletter.handoffs')");
  });
});
