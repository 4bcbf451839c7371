import matter from 'gray-matter';
import { Document, isMap, LineCounter, parseDocument } from 'yaml';
import type { Locate, Problem } from '../lib/errors.ts';

/** An edition file split into its parts, or the problems that stopped it. */
export interface EditionSource {
  /** The front matter as plain data (not yet validated). */
  data: unknown;
  /** The body, padded with blank lines so Markdown line numbers are file line numbers. */
  body: string;
  /** Finds the file line of a front-matter field. */
  locate: Locate;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const FENCE = /^---[ \t]*$/;

/** Decodes UTF-8, dropping a byte-order mark and normalising CRLF and CR line endings. */
function decode(bytes: Uint8Array): string | null {
  try {
    return utf8
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

function yamlLocator(doc: Document, lines: LineCounter): Locate {
  return (path, options = {}) => {
    if (path.length === 0) return 1;
    let offset: number | undefined;
    if (options.key) {
      const parent = doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const last = path.at(-1);
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
        offset = (pair?.key as { range?: [number, number, number] } | null)?.range?.[0];
      }
    } else {
      offset = (doc.getIn(path, true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    }
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
}

/**
 * Reads one edition file: decodes it, splits the front matter from the body
 * with gray-matter and parses the YAML keeping positions, so each later
 * problem can name its line. Never throws for a content mistake.
 */
export function readEdition(file: string, bytes: Uint8Array): { source?: EditionSource; problems: Problem[] } {
  const fail = (line: number | undefined, field: string, message: string) => ({
    problems: [{ file, line, field, message, severity: 'error' as const }],
  });
  const text = decode(bytes);
  if (text === null) return fail(undefined, 'file', 'not UTF-8 text; save the file as UTF-8');
  if (!text.trim()) return fail(undefined, 'file', 'empty; expected front matter between "---" lines, then the intro');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0]!)) {
    return fail(
      1,
      'front matter',
      'missing; expected the file to start with a line "---", then edition: and date:, then "---"',
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1)
    return fail(1, 'front matter', 'not closed; expected a line "---" after the last front-matter field');

  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (yamlText: string) => {
        doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
        return doc.errors.length ? {} : (doc.toJS() as object);
      },
    },
  });
  const problems: Problem[] = [];
  for (const error of doc?.errors ?? []) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const message =
      error.code === 'DUPLICATE_KEY' ? 'a key appears twice; expected each key once' : error.message.split('\n')[0]!;
    problems.push({ file, line, field: 'front matter', message: `YAML syntax error: ${message}`, severity: 'error' });
  }
  if (problems.length) return { problems };
  // gray-matter skips the engine when the front matter is blank.
  doc ??= parseDocument('', { lineCounter });

  const headerLines = close + 1;
  return {
    source: {
      data: doc.contents === null ? {} : parsed.data,
      body: '\n'.repeat(headerLines) + lines.slice(headerLines).join('\n'),
      locate: yamlLocator(doc, lineCounter),
    },
    problems,
  };
}
