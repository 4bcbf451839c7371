/** The one cache mechanism (`src/cache/named-cache.ts`): named sub-folders, checked entries, and pruning to the last three builds. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS_KEPT, cacheRoot, defineCache, pruneCaches } from '../../src/cache/named-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'named-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
process.env['NEWSLETTER_CACHE_DIR'] = join(root, 'cache');

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const entries = (folder: string) => readdirSync(folder).filter((name) => !name.endsWith('.tmp')).length;

describe('a named cache', () => {
  it('keeps its entries in its own sub-folder of NEWSLETTER_CACHE_DIR, checked when read', () => {
    const store = defineCache({ name: 'test-roundtrip', version: () => 'v1' }).at(root);
    expect(cacheRoot(root)).toBe(join(root, 'cache'));
    expect(relative(cacheRoot(root), store.folder)).toBe('test-roundtrip');
    const key = store.key('edition 1', new Uint8Array([1, 2, 3]));
    expect(store.get(key)).toBeUndefined();
    store.set(key, Buffer.from('payload'));
    expect(store.get(key)?.toString()).toBe('payload');
    expect(readFileSync(store.file(key)).toString()).toMatch(/^newsletter-cache-1 7 [0-9a-f]{64}\npayload$/);
    expect(readdirSync(store.folder)).toEqual([key]);
  });

  it('keys by its name and code version as well as the parts', () => {
    const a = defineCache({ name: 'test-key-a', version: () => 'v1' }).at(root);
    const b = defineCache({ name: 'test-key-b', version: () => 'v1' }).at(root);
    const a2 = defineCache({ name: 'test-key-a2', version: () => 'v2' }).at(root);
    expect(new Set([a.key('x'), b.key('x'), a2.key('x'), a.key('y'), a.key('x', '')]).size).toBe(5);
    expect(a.key('x')).toBe(a.key('x'));
  });
});

describe('pruning after each build', () => {
  it('keeps what the last three builds used, however often the code changed', () => {
    const store = defineCache({ name: 'test-code-changes', version: () => 'v' }).at(root);
    for (let build = 0; build < 20; build++) {
      const startedAt = Date.now();
      pause(3);
      // A code change: every key is new.
      for (let n = 0; n < 5; n++) store.set(store.key(`code ${build}`, `edition ${n}`), Buffer.from(`${build}/${n}`));
      pruneCaches(startedAt, root);
      pause(3);
    }
    expect(entries(store.folder)).toBe(BUILDS_KEPT * 5);
    expect(store.get(store.key('code 19', 'edition 4'))?.toString()).toBe('19/4');
    expect(store.get(store.key('code 17', 'edition 0'))?.toString()).toBe('17/0');
    expect(store.get(store.key('code 16', 'edition 0'))).toBeUndefined();
  });

  it('keeps both configurations of a CI that alternates two builds', () => {
    const store = defineCache({ name: 'test-alternating', version: () => 'v' }).at(root);
    let made = 0;
    for (let build = 0; build < 10; build++) {
      const startedAt = Date.now();
      pause(3);
      const config = build % 2 === 0 ? 'check build' : 'deploy build, SITE_URL=https://example.org';
      for (let n = 0; n < 4; n++) {
        const key = store.key(config, `edition ${n}`);
        if (!store.get(key)) {
          store.set(key, Buffer.from(config));
          made++;
        }
      }
      pruneCaches(startedAt, root);
      pause(3);
    }
    // Each configuration's entries were made once, in its first build, and both are still there.
    expect(made).toBe(8);
    expect(entries(store.folder)).toBe(8);
  });

  it('prunes every named cache under the root, and nothing before a build is recorded', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'named-cache-fresh-'));
    process.env['NEWSLETTER_CACHE_DIR'] = join(fresh, 'cache');
    try {
      const one = defineCache({ name: 'test-prune-one', version: () => 'v' }).at(fresh);
      const two = defineCache({ name: 'test-prune-two', version: () => 'v' }).at(fresh);
      one.set(one.key('old'), Buffer.from('old'));
      two.set(two.key('old'), Buffer.from('old'));
      expect(one.prune()).toBe(0);
      pause(5);
      for (let build = 0; build < BUILDS_KEPT; build++) {
        const startedAt = Date.now();
        pause(3);
        one.set(one.key(`new ${build}`), Buffer.from('new'));
        pruneCaches(startedAt, fresh);
      }
      expect(readdirSync(one.folder)).toHaveLength(BUILDS_KEPT);
      expect(one.get(one.key('old'))).toBeUndefined();
      expect(readdirSync(two.folder)).toEqual([]);
      expect(readdirSync(join(fresh, 'cache')).sort()).toEqual([
        'recent-builds.json',
        'test-prune-one',
        'test-prune-two',
      ]);
    } finally {
      process.env['NEWSLETTER_CACHE_DIR'] = join(root, 'cache');
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('the named caches of the site', () => {
  it('are declared once each, in the module that owns their data', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const project = join(import.meta.dirname, '../..');
    const declared = [...files(join(project, 'src')), ...files(join(project, 'scripts'))].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/defineCache\(\{\s*name: '([^']+)'/g)].map(
        (m) => `${m[1]} ${relative(project, file)}`,
      ),
    );
    expect(declared.sort()).toEqual([
      'artifacts src/render/artifact-cache.ts',
      'build-records scripts/lib/build-fingerprint.ts',
      'compiled src/loader/compile-cache.ts',
      'pages src/render/page-cache.ts',
      'search src/render/search-index.ts',
    ]);
  });
});
