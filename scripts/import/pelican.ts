/**
 * Pelican's Markdown files: `Key: value` lines at the top, up to the first
 * blank line (Python-Markdown's meta-data), then the body. Pelican's
 * reStructuredText and HTML sources are out of scope and reported as skipped.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { dateFromStem } from './dates.ts';
import { pelicanUrl } from './old-paths.ts';
import { listFiles, MARKDOWN_EXTENSIONS, oneLine, readText, stemOf } from './files.ts';
import { takeTitle } from './normalise.ts';
import { pelicanLinks, type PelicanLinks } from './pelican-links.ts';
import { warnLeftOut } from './post-body.ts';
import { noteUnusedKey, problem, tagList, takeTimeZone, type ReadResult, type SourceEdition } from './types.ts';

const HEADER = /^([A-Za-z][\w -]*?)\s*:\s?(.*)$/;
/** Pelican keys the importer uses; any other key is reported, never dropped silently. */
const USED = new Set(['title', 'date', 'number', 'category', 'tags', 'summary', 'status', 'slug']);

/** True when a file's text starts with a Pelican header line (`Title: …`). */
export function looksLikePelican(text: string): boolean {
  return HEADER.test(text.split('\n', 1)[0]!) && !/^https?:/i.test(text);
}

/** A whole number from a header value, or undefined. */
export function wholeNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Reads one Pelican file, or says why it cannot be read; `links` fills in its links within the site. */
export function readPelicanFile(
  file: string,
  text: string,
  result: ReadResult,
  links?: (body: string, file: string) => PelicanLinks,
): SourceEdition | undefined {
  const lines = text.split('\n');
  const fields = new Map<string, { value: string; line: number }>();
  let end = 0;
  let lastKey: string | undefined;
  for (; end < lines.length && lines[end]!.trim(); end++) {
    const line = lines[end]!;
    if (lastKey && /^( {4}|\t)/.test(line)) {
      fields.get(lastKey)!.value += ` ${line.trim()}`;
      continue;
    }
    const m = HEADER.exec(line);
    if (!m) {
      const message =
        end === 0
          ? 'missing; expected "Title:" and "Date:" lines at the top of the file'
          : `expected a "Key: value" line, got ${JSON.stringify(line.slice(0, 60))}`;
      result.problems.push(problem(file, end + 1, 'header', message));
      return undefined;
    }
    lastKey = m[1]!.toLowerCase();
    fields.set(lastKey, { value: m[2]!.trim(), line: end + 1 });
    if (!USED.has(lastKey)) noteUnusedKey(result, m[1]!);
  }
  const get = (key: string) => fields.get(key)?.value || undefined;
  const numberText = get('number');
  const number = wholeNumber(numberText);
  if (numberText !== undefined && number === undefined) {
    result.problems.push(
      problem(
        file,
        fields.get('number')!.line,
        'Number',
        `expected a whole number, 0 or more, got ${JSON.stringify(numberText)}`,
      ),
    );
    return undefined;
  }
  const status = get('status')?.toLowerCase();
  if (status && status !== 'draft' && status !== 'published') {
    result.problems.push(
      problem(
        file,
        fields.get('status')!.line,
        'Status',
        `"${status}" is imported as published (only "draft" is kept back)`,
        'warning',
      ),
    );
  }
  const header = get('title');
  let body = lines.slice(end).join('\n');
  if (links) {
    const filled = links(body, file);
    warnLeftOut(result, { file, bodyLine: end + 1 }, 'link', 'Pelican link', filled.leftOut);
    body = filled.body;
  }
  const titled = takeTitle(body, true);
  const keepTitleLine =
    header !== undefined &&
    titled.title !== undefined &&
    titled.title.trim().toLowerCase() !== header.trim().toLowerCase();
  return {
    file,
    stem: stemOf(file),
    title: header ?? titled.title,
    date: get('date'),
    number,
    description: get('summary'),
    tags: [get('category') ?? '', ...tagList(get('tags') ?? '')].filter(Boolean),
    draft: status === 'draft',
    slug: get('slug'),
    category: get('category'),
    body: keepTitleLine ? body : titled.body,
    lines: { title: fields.get('title')?.line, date: fields.get('date')?.line, edition: fields.get('number')?.line },
  };
}

/**
 * A title as Pelican slugifies it for an address: accents dropped, lower
 * case, anything but letters, digits, `_`, `-` and spaces removed, runs of
 * spaces and hyphens one `-`, and never cut short. (Pelican transliterates
 * other scripts with unidecode, which is not done here.)
 */
export function pelicanSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[-\s]+/g, '-');
}

/** Reads every Pelican Markdown file of a folder; reStructuredText and HTML sources are skipped with a reason. */
export function readPelican(folder: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  const settings = pelicanSettings(folder);
  if (settings.SITENAME) result.names = [settings.SITENAME];
  const host = /^https?:\/\/([^/]+)/i.exec(settings.SITEURL ?? '')?.[1];
  if (host) result.oldSite = { hosts: [host], prefix: '' };
  // Pelican's static files (`images/`, STATIC_PATHS) sit in the content folder, at the same path on the site.
  result.assets = folder;
  if (settings.file) takeTimeZone(result, settings.TIMEZONE, settings.file, 'TIMEZONE');
  /** An article's old address, from its slug (or title), date and category as Pelican makes it. */
  // Pelican's category when an article names none: its folder under the content folder (USE_FOLDER_AS_CATEGORY), else "misc".
  const categoryOf = (e: SourceEdition) => {
    const folders = relative(folder, dirname(e.file)).split(/[\\/]/);
    return e.category ?? (folders[0] && folders[0] !== '..' ? folders[0] : 'misc');
  };
  const oldPath = (e: SourceEdition) =>
    settings.ARTICLE_URL === undefined
      ? undefined
      : pelicanUrl(settings.ARTICLE_URL, {
          day: (e.date ?? dateFromStem(e.stem))?.slice(0, 10),
          slug: e.slug ?? pelicanSlug(e.title ?? ''),
          categories: [categoryOf(e)],
        });
  // `{filename}other.md`: the other article's old address, its header read when first asked for.
  const addresses = new Map<string, string | undefined>();
  const articleUrl = (target: string) => {
    if (!addresses.has(target)) {
      const source = /\.(?:md|markdown|mkd|mdown)$/i.test(target) ? readText(target) : null;
      const e =
        source === null ? undefined : readPelicanFile(target, source, { editions: [], problems: [], skipped: [] });
      addresses.set(target, e ? oldPath(e) : undefined);
    }
    return addresses.get(target);
  };
  const skip = (file: string, reason: string) => void result.skipped.push({ file, reason });
  for (const file of listFiles(folder, [...MARKDOWN_EXTENSIONS, '.rst', '.html', '.htm'], skip)) {
    if (/\.(rst|html?)$/i.test(file)) {
      const kind = file.endsWith('.rst') ? 'reStructuredText' : 'HTML';
      result.skipped.push({
        file,
        reason: `${kind} is not imported; convert it to Markdown (pandoc -t gfm) and run again`,
      });
      continue;
    }
    if (relative(folder, file).split(/[\\/]/).includes('pages')) {
      result.skipped.push({ file, reason: 'a Pelican page (pages/), not an article' });
      continue;
    }
    const text = readText(file);
    if (text === null) {
      result.problems.push(problem(file, undefined, 'file', 'not UTF-8 text; save it as UTF-8 and run again'));
      continue;
    }
    try {
      const edition = readPelicanFile(file, text, result, (body, at) => pelicanLinks(body, folder, at, articleUrl));
      if (edition) result.editions.push(edition);
    } catch (error) {
      result.problems.push(problem(file, undefined, 'file', `could not be read: ${oneLine(error)}`));
    }
  }
  if (settings.ARTICLE_URL !== undefined)
    for (const e of result.editions) {
      const path = oldPath(e);
      e.redirectFrom = path ? [path] : [];
    }
  return result;
}

/**
 * The settings of `pelicanconf.py` in the folder or up to two above it that
 * the importer uses: `SITENAME`, `SITEURL`, `TIMEZONE` and `ARTICLE_URL`
 * (Pelican's default, `{slug}.html`, when the file does not set it), and the
 * file. Empty without the file.
 */
function pelicanSettings(
  folder: string,
): Partial<Record<'SITENAME' | 'SITEURL' | 'TIMEZONE' | 'ARTICLE_URL' | 'file', string | undefined>> {
  const file = [folder, join(folder, '..'), join(folder, '../..')]
    .map((dir) => join(dir, 'pelicanconf.py'))
    .find((path) => existsSync(path));
  const text = file ? (readText(file) ?? '') : undefined;
  if (text === undefined) return {};
  const setting = (name: string) => new RegExp(`^${name}\\s*=\\s*(['"])(.*?)\\1`, 'm').exec(text)?.[2];
  return {
    SITENAME: setting('SITENAME'),
    SITEURL: setting('SITEURL'),
    TIMEZONE: setting('TIMEZONE'),
    file,
    ARTICLE_URL: setting('ARTICLE_URL') ?? '{slug}.html',
  };
}
