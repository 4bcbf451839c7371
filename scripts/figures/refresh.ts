/**
 * `npm run figures` for one edition file: reads every thread its
 * `discussions:` lists (and, for the report and `--add`, every known-forum
 * thread its body links), writes the new points, comments and `as_of` into
 * the front matter in place, and checks who is quoted and the figures in the
 * prose. A thread that cannot be read keeps its entry as it was.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, notACommand, oneLine } from '../../src/diagnostics/format.ts';
import { problem, type Problem } from '../../src/diagnostics/problem.ts';
import { fsReason } from '../../src/diagnostics/from-fs.ts';
import { readEdition } from '../../src/loader/read-edition.ts';
import { toZonedIso } from '../../src/rules/dates.ts';
import { threadKey } from '../../src/rules/forums.ts';
import type { ForumApis } from '../../src/site/environment.ts';
import { bodySections } from './body-links.ts';
import { apiThread, readThread, type ThreadResult } from './forum-apis.ts';
import { addDiscussions, setFigures, type Figures } from './front-matter-edit.ts';
import type { PoliteClient } from './http.ts';
import { proseFigureProblems, type CurrentFigures } from './prose-figures.ts';
import { quoteProblems } from './quotes.ts';

/** What one refresh needs. */
export interface RefreshOptions {
  root: string;
  /** The edition file, relative to `root`. */
  file: string;
  /** The edition's number, for the `--add` hint. */
  number: number;
  /** Add threads linked in the body but missing from `discussions:`. */
  add: boolean;
  apis: ForumApis;
  client: PoliteClient;
  now: Date;
  timeZone: string;
  lang: string;
}

/** What a refresh printed, and whether any thread (or the file) failed. */
export interface RefreshResult {
  lines: string[];
  failed: boolean;
  warnings: number;
}

interface Entry {
  index: number;
  url: string;
  key: string;
  line: number | undefined;
  points: number | null;
  comments: number | null;
}

const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const shown = (n: number | null) => (n === null ? 'none' : String(n));

/** The `discussions:` entries as written, with their keys and lines. */
function entriesOf(data: unknown, locate: (path: PropertyKey[]) => number | undefined): Entry[] {
  const list = (data as { discussions?: unknown } | null)?.discussions;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown, index) => {
    const entry = raw as { url?: unknown; points?: unknown; comments?: unknown } | null;
    if (typeof entry?.url !== 'string') return [];
    const count = (v: unknown) => (typeof v === 'number' ? v : null);
    const line = locate(['discussions', index, 'url']);
    return [
      {
        index,
        url: entry.url,
        key: threadKey(entry.url),
        line,
        points: count(entry.points),
        comments: count(entry.comments),
      },
    ];
  });
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.figures-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Refreshes one edition file's figures; never throws for a network or content problem. */
export async function refreshEdition(options: RefreshOptions): Promise<RefreshResult> {
  const { file, root } = options;
  const path = join(root, file);
  const lines: string[] = [];
  const fileError = (message: string): RefreshResult => ({
    lines: [formatProblem(problem(file, undefined, 'file', message))],
    failed: true,
    warnings: 0,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fileError(`cannot be read (${fsReason(error)}); nothing was changed`);
  }
  const read = readEdition(file, bytes);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (!read.source || errors.length)
    return {
      lines: [...errors.map(formatProblem), `${oneLine(file)}: fix the front matter first; nothing was changed`],
      failed: true,
      warnings: 0,
    };
  const original = text.decode(bytes);
  const entries = entriesOf(read.source.data, read.source.locate);
  const { sections, linked } = bodySections(read.source.body, new Set(entries.map((e) => e.key)));
  const listed = new Set(entries.map((e) => e.key));
  const missing = linked.filter((t) => apiThread(t.key) && !listed.has(t.key));

  const keys = [...new Set([...entries.map((e) => e.key), ...missing.map((m) => m.key)])].filter((k) => apiThread(k));
  const fetched = await Promise.all(keys.map((key) => readThread(key, options.apis, options.client)));
  const results = new Map<string, ThreadResult>(keys.map((key, i) => [key, fetched[i]!]));

  const asOf = toZonedIso(options.now.toISOString(), options.timeZone);
  const figuresOf = (r: ThreadResult): Figures | null =>
    r.ok ? { points: r.report.points, comments: r.report.comments, as_of: asOf } : null;
  const updates = new Map<number, Figures>();
  let failed = false;
  for (const entry of entries) {
    const where = entry.line ? `${oneLine(file)}:${entry.line}` : oneLine(file);
    const result = results.get(entry.key);
    if (!result) {
      lines.push(
        notACommand(
          `${where}  discussions[${entry.index}]: skipped ${oneLine(entry.url)}: not a forum whose figures can be read (Hacker News, Lobsters, Reddit)`,
        ),
      );
      continue;
    }
    const figures = figuresOf(result);
    if (!figures) {
      failed = true;
      const reason = (result as { reason: string }).reason;
      lines.push(
        formatProblem(
          problem(
            file,
            entry.line,
            `discussions[${entry.index}].url`,
            `could not refresh ${entry.url}: ${reason}; its entry was left as it was`,
          ),
        ),
      );
      continue;
    }
    updates.set(entry.index, figures);
    lines.push(
      notACommand(
        `${where}  discussions[${entry.index}]: ${shown(entry.points)} → ${figures.points} points, ${shown(entry.comments)} → ${figures.comments} comments (${oneLine(entry.url)})`,
      ),
    );
  }

  const warnings: Problem[] = [];
  const additions: { url: string; figures: Figures }[] = [];
  for (const thread of missing) {
    const result = results.get(thread.key)!;
    const figures = figuresOf(result);
    if (!options.add) {
      warnings.push(
        problem(
          file,
          thread.line,
          'link',
          `${thread.url} is linked in the body but not listed under discussions; \`npm run figures -- ${options.number} --add\` adds it with its figures`,
          'warning',
        ),
      );
    } else if (figures) {
      additions.push({ url: thread.url, figures });
      lines.push(
        notACommand(
          `${oneLine(file)}:${thread.line}  link: added to discussions with ${figures.points} points, ${figures.comments} comments (${oneLine(thread.url)})`,
        ),
      );
    } else {
      failed = true;
      lines.push(
        formatProblem(
          problem(file, thread.line, 'link', `could not add ${thread.url}: ${(result as { reason: string }).reason}`),
        ),
      );
    }
  }

  const urls = new Map<string, string>([
    ...linked.map((t) => [t.key, t.url] as const),
    ...entries.map((e) => [e.key, e.url] as const),
  ]);
  const current = new Map<string, CurrentFigures>();
  for (const [key, result] of results)
    if (result.ok)
      current.set(key, { url: urls.get(key) ?? key, points: result.report.points, comments: result.report.comments });
  warnings.push(
    ...quoteProblems(file, sections, results, urls),
    ...proseFigureProblems(file, sections, current, options.lang),
  );
  lines.push(...warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map(formatProblem));

  const updated = addDiscussions(setFigures(original, updates), additions);
  if (updated === original) {
    lines.push(`${oneLine(file)}: unchanged`);
  } else {
    try {
      writeAtomically(path, updated);
      lines.push(`${oneLine(file)}: written`);
    } catch (error) {
      failed = true;
      lines.push(
        formatProblem(
          problem(file, undefined, 'file', `cannot be written (${fsReason(error)}); it was left as it was`),
        ),
      );
    }
  }
  return { lines, failed, warnings: warnings.length };
}
