/**
 * Substack's export: `posts.csv` (one row per post: post_id, post_date,
 * is_published, email_sent_at, inbox_sent_at, type, audience, title,
 * subtitle, podcast_url) and `posts/<post_id>.html` holding each body.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { readExportFile, readText } from './files.ts';
import { htmlBody } from './html.ts';
import { sitePath } from './old-paths.ts';
import { inside } from './site-root.ts';
import { dropRepeatedTitle } from './normalise.ts';
import { problem, type ReadResult } from './types.ts';

const COLUMNS = ['post_id', 'post_date', 'is_published', 'type', 'title'];
/** Post types that are editions; threads and other kinds are skipped with a note. */
const EDITION_TYPES = new Set(['newsletter', 'podcast', '']);

/** The `posts.csv` of a Substack export given as the file or the folder holding it. */
export function substackCsv(source: string): string | undefined {
  const csv = statSync(source).isDirectory() ? join(source, 'posts.csv') : source;
  return existsSync(csv) && csv.endsWith('posts.csv') ? csv : undefined;
}

/** Reads a Substack export: every row of `posts.csv` with its HTML body. */
export function readSubstack(source: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  const read = readExportFile(
    substackCsv(source),
    join(source, 'posts.csv'),
    'not found; expected the posts.csv of a Substack export (unzip the export first)',
  );
  const file = read.file;
  if ('problem' in read) {
    result.problems.push(read.problem);
    return result;
  }
  const text = read.text;
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    result.problems.push(
      problem(file, line, 'csv', `not readable CSV: ${(error as Error).message.replace(/^Invalid.*?: /, '')}`),
    );
    return result;
  }
  const header = text
    .split('\n', 1)[0]!
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    result.problems.push(
      problem(
        file,
        1,
        'columns',
        `missing ${missing.join(', ')}; expected Substack's posts.csv header (${COLUMNS.join(', ')}, …)`,
      ),
    );
    return result;
  }
  let previousEnd = 1;
  for (const { record, info } of rows) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const id = (record['post_id'] ?? '').trim();
    const type = (record['type'] ?? '').trim();
    if (!EDITION_TYPES.has(type)) {
      result.skipped.push({ file: `${file}:${line}`, reason: `a Substack ${type}, not a newsletter post` });
      continue;
    }
    if (!id) {
      result.problems.push(
        problem(file, line, 'post_id', 'missing; expected the id of the post (its body is posts/<post_id>.html)'),
      );
      continue;
    }
    const posts = join(dirname(read.path), 'posts');
    const htmlFile = inside(posts, `${id}.html`);
    if (!htmlFile) {
      result.problems.push(
        problem(file, line, 'post_id', `${JSON.stringify(id)} leads outside the export's posts/ folder; not read`),
      );
      continue;
    }
    const html = existsSync(htmlFile) && statSync(htmlFile).isFile() ? readText(htmlFile) : null;
    if (html === null) {
      result.problems.push(
        problem(file, line, 'body', `posts/${id}.html is missing or not UTF-8; expected the post's body there`),
      );
      continue;
    }
    const markdown = htmlBody(html, { file, line }, result.problems);
    if (markdown === undefined) continue;
    const date = (record['post_date'] ?? '').trim();
    const audience = (record['audience'] ?? '').trim();
    if (audience && audience !== 'everyone') {
      result.problems.push(
        problem(file, line, 'audience', `"${audience}": imported as public (the site has no paid tier)`, 'warning'),
      );
    }
    if (record['podcast_url']?.trim()) {
      result.problems.push(
        problem(
          file,
          line,
          'podcast_url',
          'not imported (an edition has no such field); link the audio in the body to keep it',
          'warning',
        ),
      );
    }
    result.editions.push({
      file,
      line,
      title: record['title']?.trim() || undefined,
      date: date || undefined,
      description: record['subtitle']?.trim() || undefined,
      tags: [],
      draft: (record['is_published'] ?? '').trim().toLowerCase() !== 'true',
      slug: id.includes('.') ? id.slice(id.indexOf('.') + 1) : undefined,
      // Substack's post address: /p/<slug>.
      redirectFrom: id.includes('.') ? [`/p/${id.slice(id.indexOf('.') + 1)}`].flatMap((p) => sitePath(p) ?? []) : [],
      body: dropRepeatedTitle(markdown, record['title']?.trim()),
      lines: { title: line, date: line, edition: line },
    });
  }
  return result;
}
