/**
 * Jekyll, Hugo and Eleventy posts: YAML front matter between `---` lines, or
 * Hugo's TOML between `+++` lines. Keys are read by their common names;
 * every other key is reported as not imported.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { listFiles, MARKDOWN_EXTENSIONS, readText, stemOf } from './files.ts';
import { takeTitle } from './normalise.ts';
import { wholeNumber } from './pelican.ts';
import { problem, tagList, type ReadResult, type SourceEdition } from './types.ts';

const USED = new Set([
  'title',
  'date',
  'description',
  'summary',
  'tags',
  'categories',
  'draft',
  'published',
  'edition',
  'number',
  'issue',
  'slug',
]);

/** True when a file's text starts with a `---` or `+++` front-matter fence. */
export function looksLikeFrontMatter(text: string): boolean {
  return /^(---|\+\+\+)[ \t]*\n/.test(text);
}

interface Header {
  data: Record<string, unknown>;
  /** Line of each top-level key in the file. */
  lines: Record<string, number>;
  body: string;
}

/** Splits and parses the front matter, or pushes the problem that stops it. */
function readHeader(file: string, text: string, result: ReadResult): Header | undefined {
  const fence = text.startsWith('+++') ? '+++' : '---';
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === fence);
  if (!looksLikeFrontMatter(text)) {
    result.problems.push(
      problem(file, 1, 'front matter', 'missing; expected the file to start with "---" (YAML) or "+++" (TOML)'),
    );
    return undefined;
  }
  if (close === -1) {
    result.problems.push(
      problem(file, 1, 'front matter', `not closed; expected a line "${fence}" after the last field`),
    );
    return undefined;
  }
  const source = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  if (fence === '+++') {
    try {
      const data = parseToml(source) as Record<string, unknown>;
      const keyLines: Record<string, number> = {};
      lines.slice(1, close).forEach((line, i) => {
        const m = /^\s*["']?([\w-]+)["']?\s*=/.exec(line);
        if (m && !(m[1]! in keyLines)) keyLines[m[1]!] = i + 2;
      });
      return { data, lines: keyLines, body };
    } catch (error) {
      const line = error instanceof TomlError ? error.line + 1 : 1;
      const message = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      result.problems.push(problem(file, line, 'front matter', `not valid TOML: ${message}`));
      return undefined;
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = counter.linePos(first.pos[0]).line + 1;
    result.problems.push(problem(file, line, 'front matter', `not valid YAML: ${first.message.split('\n')[0]}`));
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    result.problems.push(problem(file, 2, 'front matter', 'expected "key: value" lines'));
    return undefined;
  }
  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range)
        keyLines[String(item.key.value)] = counter.linePos(item.key.range[0]).line + 1;
    }
  }
  return { data: (data ?? {}) as Record<string, unknown>, lines: keyLines, body };
}

/** A front-matter value as text: strings as written, TOML dates as their ISO form. */
function text(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Reads one Jekyll, Hugo or Eleventy file, or says why it cannot be read. */
export function readFrontMatterFile(file: string, source: string, result: ReadResult): SourceEdition | undefined {
  const header = readHeader(file, source, result);
  if (!header) return undefined;
  const { data, lines } = header;
  for (const key of Object.keys(data)) {
    if (!USED.has(key))
      result.problems.push(problem(file, lines[key], key, 'not imported (an edition has no such field)', 'warning'));
  }
  const numberKey = ['edition', 'number', 'issue'].find((k) => data[k] !== undefined);
  const number = numberKey ? wholeNumber(data[numberKey]) : undefined;
  if (numberKey && number === undefined) {
    result.problems.push(
      problem(
        file,
        lines[numberKey],
        numberKey,
        `expected a positive whole number, got ${JSON.stringify(data[numberKey])}`,
      ),
    );
    return undefined;
  }
  const title = text(data['title']);
  const titled = takeTitle(header.body, true);
  const sameTitle =
    titled.title !== undefined && (title === undefined || titled.title.toLowerCase() === title.toLowerCase());
  const dateKey = data['date'] !== undefined ? 'date' : undefined;
  return {
    file,
    stem: stemOf(file),
    title: title ?? titled.title,
    date: dateKey ? (text(data['date']) ?? JSON.stringify(data['date'])) : undefined,
    number,
    description: text(data['description']) ?? text(data['summary']),
    tags: [...tagList(data['tags'], true), ...tagList(data['categories'], true)],
    draft: data['draft'] === true || data['published'] === false || /(^|\/)_drafts\//.test(file),
    slug: text(data['slug']),
    body: sameTitle ? titled.body : header.body,
    lines: { title: lines['title'], date: lines['date'], edition: numberKey ? lines[numberKey] : undefined },
  };
}

/** Reads every Markdown post of a Jekyll, Hugo or Eleventy folder (Hugo's `_index.md` list pages are skipped). */
export function readFrontMatter(folder: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  for (const file of listFiles(folder, MARKDOWN_EXTENSIONS)) {
    if (/(^|\/)_index\.[^/]+$/.test(file)) {
      result.skipped.push({ file, reason: 'a Hugo list page, not a post' });
      continue;
    }
    const source = readText(file);
    if (source === null) {
      result.problems.push(problem(file, undefined, 'file', 'not UTF-8 text; save it as UTF-8 and run again'));
      continue;
    }
    const edition = readFrontMatterFile(file, source, result);
    if (edition) result.editions.push(edition);
  }
  return result;
}
