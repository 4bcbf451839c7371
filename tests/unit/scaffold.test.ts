import { describe, expect, it } from 'vitest';
import { storyId, threadEditionTemplate, type ThreadStory } from '../../scripts/lib/scaffold.ts';

const story: ThreadStory = {
  url: 'https://lobste.rs/s/abc123',
  title: 'Flash-MoE: *fast* [SSD] streaming',
  article: 'https://github.com/danveloper/flash-moe',
  points: 42,
  comments: 4,
  asOf: '2026-04-05T09:00:00+02:00',
  commenters: [{ name: 'hwayne', url: 'https://lobste.rs/~hwayne' }],
};

describe('npm run new -- --thread: the draft it writes', () => {
  it('takes its words from the site’s language and escapes the title as Markdown', () => {
    const text = threadEditionTemplate(3, '2026-04-05', [story], 'de');
    expect(text).toContain(
      'discussions:\n  - url: https://lobste.rs/s/abc123\n    points: 42\n    comments: 4\n    as_of: 2026-04-05T09:00:00+02:00\n---\n',
    );
    expect(text).toContain('## Flash-MoE: \\*fast\\* \\[SSD\\] streaming {#flash-moe-fast-ssd-streaming}\n');
    expect(text).toContain('([Diskussion](https://lobste.rs/s/abc123))');
    expect(text).toContain(
      '<!--\nAm aktivsten in diesem Thread; zitiere sie mit einem Link auf ihr Profil:\n[hwayne](https://lobste.rs/~hwayne)\n-->',
    );
  });

  it('gives each story an id that is valid, not the page’s own and not taken', () => {
    expect(storyId('Edition contents', new Set(), 1)).toBe('story-1');
    expect(storyId('大模型', new Set(), 2)).toBe('story-2');
    expect(storyId('Ask HN: Flash?', new Set(['ask-hn-flash']), 3)).toBe('ask-hn-flash-2');
  });
});
