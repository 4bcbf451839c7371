/**
 * The front matter of a Jekyll, Hugo or Eleventy post: YAML between `---`
 * lines or TOML between `+++` lines, parsed with the line of every key,
 * aliases bounded, and keys held where `constructor` is just a key.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { MAX_YAML_ALIASES, yamlProblems } from './project.ts';
import { problem, type ReadResult } from './types.ts';

/** True when a file's text starts with a `---` or `+++` front-matter fence. */
export function looksLikeFrontMatter(text: string): boolean {
  return /^(---|\+\+\+)[ \t]*\n/.test(text);
}

/** A post's parsed front matter and its body. */
export interface Header {
  data: Record<string, unknown>;
  /** Line of each top-level key in the file. */
  lines: Record<string, number>;
  /** The `date` value as written (`!!timestamp 2024-03-05` is the day, not midnight UTC). */
  rawDate?: string | undefined;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
}

/** A record keyed by whatever a file says, with no inherited `constructor` or `__proto__` to collide with. */
const blank = <T>() => Object.create(null) as Record<string, T>;

/** Splits and parses the front matter, or pushes the problem that stops it. */
export function readHeader(file: string, text: string, result: ReadResult): Header | undefined {
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
  const bodyLine = close + 2;
  if (fence === '+++') {
    try {
      const data = parseToml(source) as Record<string, unknown>;
      const keyLines = blank<number>();
      lines.slice(1, close).forEach((line, i) => {
        const m = /^\s*["']?([\w-]+)["']?\s*=/.exec(line);
        if (m && !(m[1]! in keyLines)) keyLines[m[1]!] = i + 2;
      });
      return { data, lines: keyLines, body, bodyLine };
    } catch (error) {
      const line = error instanceof TomlError ? error.line + 1 : 1;
      const message = (error as Error).message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      result.problems.push(problem(file, line, 'front matter', `not valid TOML: ${message}`));
      return undefined;
    }
  }
  const counter = new LineCounter();
  // After the opening fence's line, so the parser's lines are the file's.
  const yamlSource = `\n${source}`;
  const doc = parseDocument(yamlSource, { lineCounter: counter, prettyErrors: false });
  const [first] = yamlProblems(doc, counter, file, 'front matter', yamlSource);
  if (first) {
    result.problems.push(first);
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    result.problems.push(
      problem(file, 2, 'front matter', 'YAML aliases expand too far; write the values out instead of using *aliases'),
    );
    return undefined;
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    result.problems.push(problem(file, 2, 'front matter', 'expected "key: value" lines'));
    return undefined;
  }
  const keyLines = blank<number>();
  let rawDate: string | undefined;
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range)
        keyLines[String(item.key.value)] = counter.linePos(item.key.range[0]).line;
      if (isScalar(item.key) && item.key.value === 'date' && isScalar(item.value) && item.value.range)
        rawDate = yamlSource.slice(item.value.range[0], item.value.range[1]).trim();
    }
  }
  const fields = Object.assign(blank<unknown>(), data ?? {});
  return { data: fields, lines: keyLines, rawDate, body, bodyLine };
}

/** A front-matter value as text: strings as written, TOML dates as their ISO form. */
export function text(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** The `date` as written: a YAML timestamp as its text (`!!timestamp 2024-03-05` is that day, not midnight UTC). */
export function dateText({ data, rawDate }: Header): string | undefined {
  if (data['date'] instanceof Date && rawDate) return rawDate.replace(/^!!?\S*\s+/, '').replace(/^(["'])(.*)\1$/, '$2');
  return data['date'] !== undefined ? (text(data['date']) ?? JSON.stringify(data['date'])) : undefined;
}
