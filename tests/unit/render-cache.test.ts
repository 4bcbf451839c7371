import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEditions } from '../../src/loader/load-editions.ts';
import { sealEntry, unsealEntry } from '../../src/cache/entries.ts';
import { COMPILED, CompileCache } from '../../src/loader/compile-cache.ts';
import { editionHash, loadedEdition, storedEdition, wholeEdition } from '../../src/loader/loaded-editions.ts';
import { ARTIFACTS, cachedBytes, cachedText } from '../../src/render/artifact-cache.ts';
import { SETTINGS } from '../support/compile.ts';

const root = mkdtempSync(join(tmpdir(), 'render-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// This file's own cache root, so the folders it lists hold only its entries.
process.env['NEWSLETTER_CACHE_DIR'] = join(root, 'cache');

describe('cache entries carry a checksum', () => {
  it('gives back what was sealed, and nothing for a truncated, altered or foreign entry', () => {
    const entry = sealEntry(Buffer.from('{"a":1}'));
    expect(unsealEntry(entry)?.toString()).toBe('{"a":1}');
    expect(unsealEntry(entry.subarray(0, entry.length - 1))).toBeUndefined();
    const altered = Buffer.from(entry);
    altered[altered.length - 2] = 0x32;
    expect(unsealEntry(altered)).toBeUndefined();
    expect(unsealEntry(Buffer.from('{"a":1}'))).toBeUndefined();
    expect(unsealEntry(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('a truncated entry is a miss, recomputed and never published', () => {
  it('recompiles an edition whose cached result was cut short', async () => {
    const folder = join(root, 'site');
    const editions = join(folder, 'content/editions');
    mkdirSync(editions, { recursive: true });
    writeFileSync(join(editions, 'a.md'), '---\nedition: 1\ndate: 2026-01-01\n---\n\nIntro.\n');
    const load = () => loadEditions({ root: folder, settings: SETTINGS });
    expect((await load()).editions.map((e) => e.number)).toEqual([1]);
    const cacheDir = COMPILED.at(folder).folder;
    const [entry] = readdirSync(cacheDir).filter((name) => !name.endsWith('.tmp'));
    const path = join(cacheDir, entry!);
    const whole = readFileSync(path);
    truncateSync(path, Math.floor(whole.length / 2));
    const cache = new CompileCache(folder, SETTINGS);
    expect(cache.get(entry!)).toBeUndefined();
    expect((await load()).editions.map((e) => e.number)).toEqual([1]);
    expect(readFileSync(path)).toEqual(whole);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives back a cached edition equal key for key, under the same hash, and misses an older layout', async () => {
    const folder = join(root, 'packed');
    const editions = join(folder, 'content/editions');
    mkdirSync(editions, { recursive: true });
    const intro = 'An intro — “quoted”, 日本語.';
    const story = '## First {#first}\n\nStory ([discussion](https://news.ycombinator.com/item?id=7)).\n';
    const bytes = Buffer.from(`---\nedition: 3\ndate: 2026-01-01\n---\n\n${intro}\n\n${story}`);
    writeFileSync(join(editions, 'a.md'), bytes);
    const [compiled] = (await loadEditions({ root: folder, settings: SETTINGS })).editions;
    expect(compiled!.sections.map((s) => s.id)).toEqual(['first']);
    const entry = new CompileCache(folder, SETTINGS).key('content/editions/a.md', bytes);
    const read = new CompileCache(folder, SETTINGS).get(entry)!.edition!;

    expect(read).not.toBe(compiled);
    expect(JSON.stringify(read)).toBe(JSON.stringify(compiled));
    expect(editionHash(read)).toBe(editionHash(compiled!));
    // The collection keeps it under the same key, and gives the whole edition back from it.
    const stored = storedEdition(read);
    expect(stored.key).toBe(editionHash(compiled!));
    expect(wholeEdition(loadedEdition(stored)).sections[0]!.html).toContain('news.ycombinator.com/item?id=7');

    // An entry in the layout before packs (one JSON document) is a miss, not an edition.
    COMPILED.at(folder).set(entry, Buffer.from(JSON.stringify({ edition: compiled, problems: [] })));
    expect(new CompileCache(folder, SETTINGS).get(entry)).toBeUndefined();
  });

  it('remakes an email or image whose cached file was cut short', async () => {
    let made = 0;
    const make = () => {
      made++;
      return 'the email text';
    };
    expect(await cachedText('email.txt', { n: 1 }, make, root)).toBe('the email text');
    const dir = ARTIFACTS.at(root).folder;
    const [entry] = readdirSync(dir);
    truncateSync(join(dir, entry!), 30);
    expect(await cachedText('email.txt', { n: 1 }, make, root)).toBe('the email text');
    expect(made).toBe(2);
    expect(await cachedText('email.txt', { n: 1 }, make, root)).toBe('the email text');
    expect(made).toBe(2);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    let drawn = 0;
    const draw = async () => (drawn++, png);
    await cachedBytes('social.png', { n: 1 }, draw, root);
    const image = readdirSync(dir).find((name) => name !== entry)!;
    writeFileSync(join(dir, image), readFileSync(join(dir, image)).subarray(0, -3));
    expect(await cachedBytes('social.png', { n: 1 }, draw, root)).toEqual(png);
    expect(drawn).toBe(2);
  });
});
