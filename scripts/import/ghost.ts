/**
 * Ghost's JSON export (`{ db: [ { data: { posts, tags, posts_tags } } ] }`):
 * every post with its tags. Pages are not editions and are skipped with a
 * note; a body is the post's `html`, else its `plaintext`. The site's own
 * address, which Ghost exports as `__GHOST_URL__`, becomes the site root, so
 * links between posts point at their new pages and images under
 * `content/images/` are brought along when that folder sits beside the
 * export.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { oneLine, readExportFile } from './files.ts';
import { htmlBody } from './html.ts';
import { sitePath } from './old-paths.ts';
import { dropRepeatedTitle } from './normalise.ts';
import { showValue } from './project.ts';
import { problem, type ReadResult } from './types.ts';

type Row = Record<string, unknown>;

interface GhostData {
  posts: Row[];
  tags?: Row[];
  posts_tags?: Row[];
}

/** The export's data, when a parsed JSON value has Ghost's shape. */
export function ghostData(json: unknown): GhostData | undefined {
  const db = (json as { db?: unknown } | null)?.db;
  const data = Array.isArray(db) ? (db[0] as { data?: GhostData } | undefined)?.data : undefined;
  return Array.isArray(data?.posts) ? data : undefined;
}

/** The export file: the given `.json` file, or the first `.json` file of the given folder. */
export function ghostFile(source: string): string | undefined {
  if (!statSync(source).isDirectory()) return source.endsWith('.json') ? source : undefined;
  const json = readdirSync(source)
    .filter((name) => name.endsWith('.json'))
    .sort()[0];
  return json ? join(source, json) : undefined;
}

/** Ghost writes its times in UTC; one written without a zone (`2024-05-05 12:00:00`) is UTC too. */
const utc = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;

/** The placeholder Ghost exports write for the site's own address. */
const GHOST_URL = '__GHOST_URL__';

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Reads every post of a Ghost export. */
export function readGhost(source: string): ReadResult {
  const result: ReadResult = { editions: [], problems: [], skipped: [] };
  const read = readExportFile(ghostFile(source), source, 'no .json file; expected the JSON file of a Ghost export');
  const file = read.file;
  if ('problem' in read) {
    result.problems.push(read.problem);
    return result;
  }
  const text = read.text;
  // A Ghost site's files (`content/images/…`), when the export sits in its folder or beside a copy of them.
  if (existsSync(join(dirname(file), 'content'))) result.assets = dirname(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    result.problems.push(problem(file, undefined, 'json', `not valid JSON: ${(error as Error).message}`));
    return result;
  }
  const data = ghostData(json);
  if (!data) {
    result.problems.push(
      problem(file, 1, 'db', 'expected a Ghost export: { "db": [ { "data": { "posts": [ … ] } } ] }'),
    );
    return result;
  }
  const rows = (value: unknown) =>
    Array.isArray(value) ? (value as unknown[]).filter((r): r is Row => !!r && typeof r === 'object') : [];
  const postsTags = rows(data.posts_tags);
  const tagSlugs = new Map(rows(data.tags).map((t) => [t['id'], str(t['slug']) ?? str(t['name'])]));
  const lineOf = (id: unknown) => {
    // The post's own `"id": "…"`, not a revision or tag row that names it earlier in the file.
    const escaped = String(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at =
      typeof id === 'string' || typeof id === 'number'
        ? text.search(new RegExp(`"id"\\s*:\\s*"?${escaped}"?[,\\s}]`))
        : -1;
    return at === -1 ? undefined : text.slice(0, at).split('\n').length;
  };
  data.posts.forEach((raw, index) => {
    try {
      readPost(raw, index);
    } catch (error) {
      result.problems.push(
        problem(
          file,
          lineOf((raw as Row | null)?.['id']),
          'post',
          `posts[${index}] could not be read: ${oneLine(error)}`,
        ),
      );
    }
  });
  return result;

  function readPost(raw: unknown, index: number): void {
    const post = (raw && typeof raw === 'object' ? raw : {}) as Row;
    const id = post['id'];
    const line = lineOf(id);
    if (typeof id !== 'string' && typeof id !== 'number') {
      const where = `posts[${index}]${str(post['title']) ? ` ("${str(post['title'])}")` : ''}`;
      result.problems.push(problem(file, line, 'id', `${where}: expected the post's id as text, got ${showValue(id)}`));
      return;
    }
    const title = str(post['title']);
    if (post['type'] === 'page' || post['page'] === true) {
      result.skipped.push({
        file: `${file}${line ? `:${line}` : ''}`,
        reason: `"${title ?? post['slug']}" is a Ghost page, not a post`,
      });
      return;
    }
    // Ghost 4 and 5 write `__GHOST_URL__` for the site's own address: a link or image of the site, from its root.
    const html = str(post['html'])?.replaceAll(GHOST_URL, '');
    const draft = post['status'] === 'draft';
    const where = `posts[${index}] ("${title ?? String(id)}")`;
    if (!html && !str(post['plaintext']))
      result.problems.push(
        problem(
          file,
          line,
          'html',
          `${where} has no html or plaintext (Ghost keeps some posts only in its editor's format); export again from a Ghost that fills in html, or paste the text into the edition`,
          'warning',
        ),
      );
    const visibility = str(post['visibility']);
    if (visibility && visibility !== 'public')
      result.problems.push(
        problem(
          file,
          line,
          'visibility',
          `"${visibility}": imported as public (the site has no members-only tier)`,
          'warning',
        ),
      );
    const markdown = html
      ? htmlBody(html, { file, line, record: where }, result.problems)
      : (str(post['plaintext']) ?? '');
    if (markdown === undefined) return;
    const tags = postsTags
      .filter((pt) => pt['post_id'] === post['id'])
      .sort((a, b) => Number(a['sort_order'] ?? 0) - Number(b['sort_order'] ?? 0))
      .flatMap((pt) => tagSlugs.get(pt['tag_id']) ?? []);
    result.editions.push({
      file,
      line,
      title,
      date: utc(str(post['published_at']) ?? (draft ? str(post['created_at']) : undefined)),
      description: str(post['custom_excerpt']),
      tags,
      draft,
      slug: str(post['slug']),
      // Ghost's default post address, /<slug>/, or the post's own URL when the export has it.
      redirectFrom: [
        str(post['url'])?.replaceAll(GHOST_URL, '') ?? (str(post['slug']) && `/${str(post['slug'])}/`),
      ].flatMap((p) => (p && sitePath(p)) || []),
      body: dropRepeatedTitle(markdown, title),
      lines: { title: line, date: line, edition: line },
    });
  }
}
