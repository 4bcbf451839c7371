import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../quality/static-gates.ts';
import { writePelicanArchive } from '../support/pelican.ts';
import { buildSite, OUTPUT, ROOT } from './sites.ts';

const FORMATS = ['pelican', 'front-matter', 'markdown', 'substack', 'ghost'];

describe('imported archives build', () => {
  // `tests/cli/import.test.ts` shows the importer writes exactly `expected/`; here those editions become a site.
  it.each(FORMATS)('%s: the imported editions build into a page each', (format) => {
    const editions = `tests/fixtures/import/${format}/expected`;
    const out = join(OUTPUT, `imported-${format}`);
    rmSync(out, { recursive: true, force: true });
    const { status, output } = buildSite({ name: `imported-${format}`, editions }, out);
    expect(status, output).toBe(0);
    // Every imported edition is published but the drafts (a source's own drafts stay drafts).
    const files = readdirSync(join(ROOT, editions)).filter((name) => name.endsWith('.md'));
    const published = files.filter((name) => !/^draft: true$/m.test(readFileSync(join(ROOT, editions, name), 'utf8')));
    expect(published.length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'editions')).filter((name) => /^\d+$/.test(name))).toHaveLength(published.length);
  });

  it('a Pelican archive of 300 editions imports and builds', { timeout: 600_000 }, () => {
    const base = join(ROOT, 'tests/.output/imported-pelican-300');
    rmSync(base, { recursive: true, force: true });
    mkdirSync(join(base, 'source'), { recursive: true });
    writePelicanArchive(join(base, 'source'), 300, { boilerplate: true });
    execFileSync(process.execPath, ['scripts/import.ts', join(base, 'source'), '--out', join(base, 'editions')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const out = join(OUTPUT, 'imported-pelican-300-site');
    rmSync(out, { recursive: true, force: true });
    const { status, output } = buildSite(
      { name: 'imported-pelican-300-site', editions: 'tests/.output/imported-pelican-300/editions' },
      out,
    );
    expect(status, output).toBe(0);
    expect(readdirSync(join(out, 'editions')).filter((name) => /^\d+$/.test(name))).toHaveLength(300);
    // A long archive reads well: a line per edition under its year, a jump list of years, no boilerplate.
    const archive = readFileSync(join(out, 'editions/index.html'), 'utf8');
    expect(archive).toContain('<ol class="edition-list compact">');
    expect(archive.match(/<li>\s*<a href="\/editions\/\d+\/">/g)).toHaveLength(300);
    expect(archive).not.toContain('Hello and welcome');
    expect(archive).not.toContain('edition-list-description');
    const years = [...archive.matchAll(/<a href="#year-(\d{4})">/g)].map((m) => m[1]);
    expect(years).toEqual(['2024', '2023', '2022', '2021', '2020', '2019']);
    // Each edition's own description keeps the sentence.
    expect(readFileSync(join(out, 'editions/7/index.html'), 'utf8')).toMatch(
      /name="description" content="Hello and welcome to another issue of Week in inference\./,
    );
    // No edition names a topic, so the header does not offer Topics.
    expect(archive).not.toContain('href="/topics/"');
  });

  it('a Jekyll site, a raw Pelican folder and a Hugo site move in and build: no template syntax, old addresses redirect, files served', async () => {
    const base = join(ROOT, 'tests/.output/moved-in');
    rmSync(base, { recursive: true, force: true });
    const editions = join(base, 'editions');
    // The site's own public files (the favicon), and then what the archives use, in a public folder of the test's.
    const publicDir = join(base, 'public');
    cpSync(join(ROOT, 'public'), publicDir, { recursive: true });
    const sources = ['jekyll-site/source', 'pelican-raw/source/content', 'hugo-site/source'];
    // Imported while the site was served from /x/, built for /y/: the links the import wrote follow the build.
    for (const source of sources)
      execFileSync(
        process.execPath,
        ['scripts/import.ts', `tests/fixtures/import/${source}`, '--out', editions, '--public', publicDir],
        { cwd: ROOT, stdio: 'pipe', env: { ...process.env, BASE_PATH: '/x/' } },
      );
    const served = join(OUTPUT, 'moved-in-site');
    const out = join(served, 'y');
    rmSync(served, { recursive: true, force: true });
    const { status, output } = buildSite(
      {
        name: 'moved-in-site',
        editions: 'tests/.output/moved-in/editions',
        env: { BASE_PATH: '/y/', PUBLIC_DIR: 'tests/.output/moved-in/public' },
      },
      out,
    );
    expect(status, output).toBe(0);
    const page = (path: string) => readFileSync(join(out, path), 'utf8');
    const numbers = readdirSync(join(out, 'editions')).filter((name) => /^\d+$/.test(name));
    expect(numbers.map(Number).sort((a, b) => a - b)).toEqual([0, 1, 10, 11, 20, 21, 22]);
    for (const n of numbers) {
      const text = page(`editions/${n}/index.html`).replace(/<pre[^]*?<\/pre>|<code[^]*?<\/code>/g, '');
      expect(text.match(/\{%|%\}|\{\{|\}\}|\{:/g), `edition ${n}`).toBeNull();
    }
    // "#0" is edition 0; the markdown="1" callout's stories are sections.
    const first = page('editions/0/index.html');
    expect(first).toContain('Lightning Digest Newsletter #0');
    for (const id of ['news', 'releases', 'code']) expect(first).toContain(`id="${id}"`);
    expect(first).toContain('<code>{{ not.liquid }}</code>');
    // Each image is served, under the base path the site was built for, at the URL its page shows,
    // the same bytes as the archive's: one in a nested folder with a space, an "Ü" and an upper-case extension.
    const images = {
      '/y/img/posts/chart.png': 'img/posts/chart.png',
      '/y/img/posts/2018/Capacity%20%C3%9Cber%20Month.PNG': 'img/posts/2018/Capacity Über Month.PNG',
    };
    for (const [url, file] of Object.entries(images)) {
      expect(first).toContain(`src="${url}"`);
      const path = decodeURIComponent(url.replace(/^\/y\//, ''));
      expect(readFileSync(join(out, path)), url).toEqual(
        readFileSync(join(ROOT, 'tests/fixtures/import/jekyll-site/source', file)),
      );
    }
    // Old links between editions point at the new pages, anchor kept, under /y/ (never the /x/ of the import).
    expect(page('editions/1/index.html')).toContain('href="/y/editions/0/#news"');
    expect(page('editions/21/index.html')).toContain('href="/y/editions/20/#news"');
    expect(page('editions/11/index.html')).toContain('href="/y/editions/10/#talks"');
    for (const n of numbers) expect(page(`editions/${n}/index.html`), `edition ${n}`).not.toContain('/x/');
    // Every link and image of the site, served from its folder, resolves.
    const { checked, broken } = await brokenLinks(served, 'y/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(30);
    // Each old address answers with a redirect page; _redirects lists them; the sitemap does not.
    const redirects = {
      'en/newsletters/2018/06/08/index.html': '/y/editions/0/',
      'blog/2020/01/06/this-week-in-rust-20/index.html': '/y/editions/20/',
      'old/10/index.html': '/y/editions/10/',
      'posts/2019-03-04-infra-weekly-10/index.html': '/y/editions/10/',
    };
    for (const [file, to] of Object.entries(redirects)) {
      const html = page(file);
      expect(html, file).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
      expect(html, file).toContain(`<link rel="canonical" href="https://ai-platforms.example.org${to}">`);
      expect(html, file).toContain(`It is now at: <a href="${to}">`);
    }
    expect(page('_redirects').split('\n')).toContain('/y/en/newsletters/2018/06/08/ /y/editions/0/ 301');
    const sitemap = readdirSync(out)
      .filter((name) => /^sitemap-\d+\.xml$/.test(name))
      .map((name) => page(name))
      .join('');
    expect(sitemap).toContain('/y/editions/0/');
    expect(sitemap).not.toMatch(/newsletters|\/old\/|\/blog\//);
  });
});
