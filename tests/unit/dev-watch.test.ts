import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWatchIgnored } from '../../src/site/dev-watch.ts';

const root = '/project';

describe('what npm run dev does not watch', () => {
  it('skips the built site, the one being built, the one set aside and the test and benchmark outputs', () => {
    const ignored = devWatchIgnored(root, {});
    expect(
      [
        '/project/dist/editions/1/index.html',
        '/project/dist.next/index.html',
        '/project/dist.previous/editions/1/index.html',
        'tests/.output/x/a.html',
      ].map(ignored),
    ).toEqual([true, true, true, true]);
    expect(devWatchIgnored(root, { OUT_DIR: 'site' })('/project/site.previous/index.html')).toBe(true);
    expect(ignored('/project/bench/.out/1000/editions/1/email.html')).toBe(true);
  });

  it('watches sources, editions and the topics file', () => {
    const ignored = devWatchIgnored(root, {});
    expect(
      [
        '/project/src/pages/index.astro',
        '/project/content/editions/2026-01-01-edition-1.md',
        '/project/content/topics.yaml',
        '/project/distant/file.md',
      ].map(ignored),
    ).toEqual([false, false, false, false]);
  });

  it('follows OUT_DIR, and keeps watching editions kept inside an output folder', () => {
    const ignored = devWatchIgnored(root, { OUT_DIR: 'public-site', EDITIONS_DIR: 'tests/.output/site-1/editions' });
    expect(ignored('/project/public-site/index.html')).toBe(true);
    expect(ignored('/project/dist/index.html')).toBe(false);
    expect(ignored('/project/tests/.output/site-1/editions/2026-01-01-edition-1.md')).toBe(false);
    expect(ignored('/project/tests/.output/site-1/topics.yaml')).toBe(false);
    // The folders above it too, or the watcher never reaches it.
    expect(ignored('/project/tests/.output')).toBe(false);
    expect(ignored('/project/tests/.output/site-2/index.html')).toBe(true);
  });
});

describe('links among the editions that the watcher must not follow', () => {
  it('ignores links that loop or lead to a folder holding them, and watches the others', () => {
    const project = mkdtempSync(join(tmpdir(), 'dev-watch-'));
    const editions = join(project, 'content/editions');
    mkdirSync(join(project, 'drafts'), { recursive: true });
    mkdirSync(editions, { recursive: true });
    writeFileSync(join(project, 'drafts/b.md'), 'an edition');
    symlinkSync('self.md', join(editions, 'self.md'));
    symlinkSync('.', join(editions, 'here'));
    symlinkSync('..', join(editions, 'up'));
    symlinkSync(join(project, 'drafts/b.md'), join(editions, 'b.md'));
    symlinkSync(join(project, 'drafts'), join(editions, 'drafts'));
    const ignored = devWatchIgnored(project, {});
    try {
      expect(['self.md', 'here', 'up', 'b.md', 'drafts'].map((name) => ignored(join(editions, name)))).toEqual([
        true,
        true,
        true,
        false,
        false,
      ]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
