/**
 * The sitemap, written from the finished output at the end of `astro build`
 * (after the page cache has put back the pages Astro did not render): every
 * page but the 404 and pages marked noindex (redirects at old addresses),
 * in the format search engines read. A page is a folder holding a file the
 * table of outputs lists in the sitemap (`index.html`;
 * `src/site/edition-outputs.ts`), so an edition's images and emails are not.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { escapeHtml } from '../render/escape.ts';
import { sitemapFiles } from '../site/edition-outputs.ts';
import { absolute, paths } from '../site/urls.ts';

/** URLs per sitemap file: the protocol allows 50,000. */
const PER_FILE = 45_000;

/** The robots tag a page asks search engines to leave it out with (redirect pages at old addresses carry it). */
const NOINDEX = '<meta name="robots" content="noindex">';

/** True when an HTML file's head asks not to be indexed. */
function noindex(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    return head
      .subarray(0, readSync(fd, head, 0, head.length, 0))
      .toString('utf8')
      .includes(NOINDEX);
  } finally {
    closeSync(fd);
  }
}

/** Folders of the output that hold a page (`index.html`) to be indexed: one URL each. */
function pages(out: string, dir = out, files = sitemapFiles()): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(out, path, files);
    return files.has(name) && !noindex(path) ? [relative(out, dir)] : [];
  });
}

/** Writes `sitemap-index.xml` and `sitemap-<n>.xml` from the pages in the output. */
export default function sitemap(): AstroIntegration {
  return {
    name: 'newsletter-sitemap',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const urls = pages(out)
          .sort()
          .map((page) => absolute(paths.asset(page ? `${page.split('\\').join('/')}/` : '')));
        const files: string[] = [];
        for (let i = 0; i * PER_FILE < Math.max(urls.length, 1); i++) {
          const chunk = urls.slice(i * PER_FILE, (i + 1) * PER_FILE);
          const body = chunk.map((url) => `<url><loc>${escapeHtml(url)}</loc></url>`).join('');
          writeFileSync(
            join(out, `sitemap-${i}.xml`),
            `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`,
          );
          files.push(`sitemap-${i}.xml`);
        }
        const entries = files.map((file) => `<sitemap><loc>${escapeHtml(absolute(paths.asset(file)))}</loc></sitemap>`);
        writeFileSync(
          join(out, 'sitemap-index.xml'),
          `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>`,
        );
      },
    },
  };
}
