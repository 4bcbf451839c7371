import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { allFiles, page } from '../support/html.ts';
import { distOf, ROOT, SITES } from './sites.ts';

const dist = distOf(SITES.fixture);
const ORIGIN = 'https://ai-platforms.example.org';
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const PUBLISHED = [4, 3, 1].map((n) => `${ORIGIN}/editions/${n}/`);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; png: boolean } {
  const bytes = readFileSync(file);
  return {
    png: bytes.subarray(1, 4).toString() === 'PNG',
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
  };
}

function xmllint(...args: string[]) {
  const result = spawnSync('xmllint', ['--noout', ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, error: result.error };
}

/** Every href and src in an HTML or XML-escaped HTML string. */
function urlsIn(html: string): string[] {
  return [...html.replace(/&quot;/g, '"').matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('feeds', () => {
  const rss = parseFeed(read('rss.xml'));
  const atom = parseFeed(read('atom.xml'));
  const json = JSON.parse(read('feed.json'));

  it('are well-formed XML', () => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const result = xmllint(join(dist, file));
      expect(result.error, 'xmllint must be installed (apt-get install libxml2-utils)').toBeUndefined();
      expect(result.status, result.output).toBe(0);
    }
  });

  it('carry every published edition, newest first, with its URL as a stable id', () => {
    expect(rss.format).toBe('rss');
    expect(atom.format).toBe('atom');
    if (rss.format !== 'rss' || atom.format !== 'atom') return;
    expect(rss.feed.items?.map((i) => i.guid?.value)).toEqual(PUBLISHED);
    expect(rss.feed.items?.map((i) => i.link)).toEqual(PUBLISHED);
    expect(atom.feed.entries?.map((e) => e.id)).toEqual(PUBLISHED);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(PUBLISHED);
  });

  it('date each item with its time zone', () => {
    if (rss.format !== 'rss' || atom.format !== 'atom') throw new Error('wrong formats');
    expect(rss.feed.items?.[1]?.pubDate).toBe('Wed, 31 Dec 2025 22:30:00 -0500');
    expect(atom.feed.entries?.[1]?.published).toBe('2025-12-31T22:30:00-05:00');
    expect(json.items[1].date_published).toBe('2025-12-31T22:30:00-05:00');
    expect(atom.feed.updated).toBe('2026-01-19T09:00:00-05:00');
  });

  it('hold the full content with absolute links and anchors', () => {
    const four = json.items[0];
    expect(four.content_html).toContain('Second story.');
    expect(four.content_html).toContain(`href="${ORIGIN}/editions/4/#coding-tools"`);
    expect(four.content_html).toContain('Hacker News · 1 point · 1 comment (as of January 19, 2026, 8:30 AM)');
    for (const url of urlsIn(read('rss.xml')).concat(urlsIn(read('atom.xml')), urlsIn(four.content_html))) {
      expect(url, url).toMatch(/^(https?:|mailto:)/);
    }
  });

  it('describe themselves: title, link, self link, JSON Feed version', () => {
    if (rss.format !== 'rss' || atom.format !== 'atom') throw new Error('wrong formats');
    expect(rss.feed.title).toBe('AI Platforms');
    expect(rss.feed.atom?.links?.[0]?.href).toBe(`${ORIGIN}/rss.xml`);
    expect(atom.feed.links?.map((l) => l.href)).toContain(`${ORIGIN}/atom.xml`);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${ORIGIN}/feed.json`);
  });

  it('are announced on every page', () => {
    const $ = page(dist, '/editions/3/');
    expect(
      $('link[rel="alternate"]')
        .map((_, l) => $(l).attr('href'))
        .get(),
    ).toEqual([`${ORIGIN}/rss.xml`, `${ORIGIN}/atom.xml`, `${ORIGIN}/feed.json`]);
  });
});

describe('sitemap and robots.txt', () => {
  it('list every published page and validate against the sitemap schema', () => {
    const xsd = join(ROOT, 'node_modules/sitemap/schema/sitemap.xsd');
    const result = xmllint('--schema', xsd, join(dist, 'sitemap-0.xml'));
    expect(result.status, result.output).toBe(0);
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const topics = ['', 'flash-moe/', 'small-models/'].map((t) => `${ORIGIN}/topics/${t}`);
    const pages = [`${ORIGIN}/`, `${ORIGIN}/editions/`, `${ORIGIN}/search/`, ...PUBLISHED, ...topics];
    expect(locs.sort()).toEqual(pages.sort());
  });

  it('point robots.txt at the sitemap', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
  });
});

describe('link previews', () => {
  const pages = ['/', '/editions/', '/editions/1/', '/editions/4/'];

  it.each(pages)('%s has a canonical URL and OpenGraph title, description and an existing 1200×630 image', (path) => {
    const $ = page(dist, path);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}${path}`);
    expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
    expect($('meta[property="og:description"]').attr('content')).toBeTruthy();
    const image = $('meta[property="og:image"]').attr('content') ?? '';
    expect(image.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(pngSize(join(dist, image.slice(ORIGIN.length)))).toEqual({ png: true, width: 1200, height: 630 });
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
  });

  it('gives each edition its own image, its publication time and a NewsArticle', () => {
    const $ = page(dist, '/editions/1/');
    expect($('meta[property="og:image"]').attr('content')).toBe(`${ORIGIN}/editions/1/social.png`);
    expect($('meta[property="article:published_time"]').attr('content')).toBe('2025-12-29T00:00:00-05:00');
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Small models, long threads',
      datePublished: '2025-12-29T00:00:00-05:00',
    });
  });
});

describe('the email edition', () => {
  const html = read('editions/1/email.html');
  const text = read('editions/1/email.txt');

  it('is self-contained HTML: no script, no external stylesheet, only absolute URLs', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    for (const url of urlsIn(html)) expect(url, url).toMatch(/^(https?:|mailto:)/);
  });

  it('is one column of 600 px at most with CSS inlined, a preheader, dark-mode colours and a web link', () => {
    expect(html).toMatch(/<table[^>]*class="container"[^>]*style="width: 100%; max-width: 600px;/);
    // Outlook ignores max-width: a 600 px table only it reads holds the column.
    expect(html).toContain('<!--[if mso]><table role="presentation" width="600"');
    expect(html).toMatch(/<td class="content" style="[^"]*font-size: 16px/);
    expect(html).toMatch(
      /<div class="preheader" style="[^"]*display: none[^"]*">The first edition: a look at small models/,
    );
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain(`<a href="${ORIGIN}/editions/1/"`);
    expect(html).toContain('Read on the web');
  });

  it('has every section of the edition, in HTML and in text', () => {
    for (const title of ['Small models win', 'Benchmarks', 'Reddit weighs in']) {
      expect(html).toContain(title);
      expect(text).toContain(title);
    }
  });

  it('lists every discussion link with its figures as a numbered reference in the text version', () => {
    expect(text).toContain('Lobsters · 12 points · 3 comments (as of December 29, 2025) [');
    const refs = new Map([...text.matchAll(/^\[(\d+)\] (\S+)$/gm)].map((m) => [m[2], m[1]]));
    for (const url of [
      'https://lobste.rs/s/abc123/small_models',
      'https://forum.example.org/t/42',
      'https://www.reddit.com/r/LocalLLaMA/comments/1abcde/small_models/',
    ]) {
      expect(refs.has(url), url).toBe(true);
      expect(text).toContain(`[${refs.get(url)}]`);
    }
  });

  it('exists for published editions only', () => {
    const emails = allFiles(dist)
      .filter((f) => f.endsWith('email.html'))
      .map((f) => f.slice(dist.length));
    expect(emails.sort()).toEqual(['/editions/1/email.html', '/editions/3/email.html', '/editions/4/email.html']);
  });

  it('is written to a folder by npm run email', async () => {
    const out = join(ROOT, 'tests/.output/email');
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/email.ts', '4', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, EDITIONS_DIR: SITES.fixture.editions },
    });
    expect(stdout.trim().split('\n')).toEqual([join(out, 'email.html'), join(out, 'email.txt')]);
    expect(readFileSync(join(out, 'email.txt'), 'utf8')).toContain('Coding tools, again');
  });
});
