import matter from 'gray-matter';
import { Document, LineCounter, parseDocument } from 'yaml';
import type { Locate, Problem } from '../lib/errors.ts';
import { yamlLocator, yamlProblems } from './yaml.ts';

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
  const problems = doc ? yamlProblems(doc, lineCounter, file) : [];
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
