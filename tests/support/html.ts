/** Reading built pages in the build tier. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';

/** Loads a built page by its URL path (`/editions/2/`). */
export function page(dist: string, urlPath: string): cheerio.CheerioAPI {
  const file = join(dist, urlPath.replace(/^\//, ''), urlPath.endsWith('/') ? 'index.html' : '');
  return cheerio.load(readFileSync(file, 'utf8'));
}

/** True when the build wrote a page at the URL path. */
export function hasPage(dist: string, urlPath: string): boolean {
  return existsSync(join(dist, urlPath.replace(/^\//, ''), 'index.html'));
}

/** Visible text with whitespace collapsed, as a reader would copy it. */
export function textOf($: cheerio.CheerioAPI, selector = 'main'): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}

/** Every file under a folder, for "nothing anywhere in dist" assertions. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}
