import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { edition, FILE, SETTINGS } from '../support/compile.ts';

const BODY = [
  'See [last week](/editions/6/#gpus), ![chart](/img/posts/chart.png) and <a href="/topics/">topics</a>.',
  '',
  'Elsewhere: [out](https://example.org/x), [here](#story), [host](//cdn.example.org/a.png),',
  '[written in full](/newsletter/editions/5/).',
  '',
  '## A story {#story}',
  '',
  'Text.',
  '',
].join('\n');

function introUnder(base: string | undefined): string {
  const text = edition('edition: 7\ndate: 2026-04-05', BODY);
  const settings = base === undefined ? SETTINGS : { ...SETTINGS, base };
  return compileEdition(FILE, new TextEncoder().encode(text), settings).edition!.introHtml;
}

describe('links to the site written from its root', () => {
  it('are published under the base path the site is built for', () => {
    const html = introUnder('/newsletter/');
    expect(html).toContain('href="/newsletter/editions/6/#gpus"');
    expect(html).toContain('src="/newsletter/img/posts/chart.png"');
    expect(html).toContain('href="/newsletter/topics/"');
    // Links elsewhere, in-page, to another host, or already under the base path are left as written.
    expect(html).toContain('href="https://example.org/x"');
    expect(html).toContain('href="#story"');
    expect(html).toContain('href="//cdn.example.org/a.png"');
    expect(html).toContain('href="/newsletter/editions/5/"');
    expect(html).not.toContain('/newsletter/newsletter/');
  });

  it('stay as written when the site is served from the root', () => {
    for (const base of [undefined, '/']) {
      const html = introUnder(base);
      expect(html).toContain('href="/editions/6/#gpus"');
      expect(html).toContain('src="/img/posts/chart.png"');
    }
  });
});
