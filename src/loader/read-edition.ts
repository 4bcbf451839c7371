import matter from 'gray-matter';
import { Document, LineCounter, parseDocument } from 'yaml';
import { fieldPath, problem, type Locate, type Problem } from '../diagnostics/problem.ts';
import { BIDI_CONTROLS, codePoint, CONTROL_CHARACTERS, MAX_FILE_BYTES } from '../rules/limits.ts';
import { tooLarge } from './scan-editions.ts';
import { commentCutProblems, numberSpellingProblems, reservedKeyProblems, yamlData, yamlLocator } from './yaml.ts';
import { yamlProblems } from '../diagnostics/from-yaml.ts';

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
/**
 * The one definition of a front-matter delimiter: a line that is exactly
 * `---` (trailing spaces allowed), first in the file and again to close, as
 * gray-matter and every Markdown host read it. A line that starts with `---`
 * but is anything else (`--- # note`, `----`) is an error, because gray-matter
 * would end the front matter there and drop every key after it.
 */
export const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const LOOKS_LIKE_FENCE = /^---/;

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

/** Where the front matter ends (the closing line's index), or a problem with its delimiters. */
export function frontMatterEnd(lines: readonly string[]): { close: number } | { line: number; message: string } {
  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) {
    if (LOOKS_LIKE_FENCE.test(lines[0] ?? ''))
      return {
        line: 1,
        message: `${JSON.stringify(lines[0])} is not a front-matter delimiter; expected exactly "---"`,
      };
    return {
      line: 1,
      message: 'missing; expected the file to start with a line "---", then edition: and date:, then "---"',
    };
  }
  for (let i = 1; i < lines.length; i++) {
    if (FRONT_MATTER_FENCE.test(lines[i]!)) return { close: i };
    if (LOOKS_LIKE_FENCE.test(lines[i]!))
      return {
        line: i + 1,
        message: `${JSON.stringify(lines[i]!.slice(0, 40))} looks like the end of the front matter but is not exactly "---"; everything after it would be lost`,
      };
  }
  return { line: 1, message: 'not closed; expected a line "---" after the last front-matter field' };
}

/** Control characters as problems: errors in the front matter, warnings in the body (where they are removed). */
function controlCharacterProblems(file: string, lines: readonly string[], close: number): Problem[] {
  const problems: Problem[] = [];
  lines.forEach((line, i) => {
    const found = [...new Set(line.match(CONTROL_CHARACTERS) ?? [])];
    if (!found.length) return;
    const which = found.map(codePoint).join(', ');
    problems.push(
      i <= close
        ? problem(file, i + 1, 'front matter', `control character ${which}; expected plain text (delete it)`)
        : problem(file, i + 1, 'body', `control character ${which} is removed from every output`, 'warning'),
    );
  });
  return problems;
}

/** Paths of the string values (at any depth) that hold a control character. */
function controlCharactersIn(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return new RegExp(CONTROL_CHARACTERS.source).test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharactersIn(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => controlCharactersIn(v, [...path, k]));
  return [];
}

const bidiWarning = (text: string) =>
  `bidi control ${[...new Set(text.match(BIDI_CONTROLS))].map(codePoint).join(', ')} is removed (it would reorder the text around it in titles, feeds and email subjects)`;

/** Front-matter strings without bidi controls, and a warning for each string that had one. */
function withoutBidiControls(
  value: unknown,
  report: (path: PropertyKey[], text: string) => void,
  path: PropertyKey[] = [],
): unknown {
  if (typeof value === 'string') {
    if (!new RegExp(BIDI_CONTROLS.source).test(value)) return value;
    report(path, value);
    return value.replace(BIDI_CONTROLS, '');
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutBidiControls(v, report, [...path, i]));
  // Plain mappings only: a YAML timestamp or other value object stays as it is.
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidiControls(v, report, [...path, k])]));
  return value;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Body lines with the bidi controls of headings removed (a warning each); other lines as they are. */
function headingsWithoutBidiControls(file: string, lines: string[], from: number, problems: Problem[]): string[] {
  return lines.map((line, i) => {
    if (i < from || !new RegExp(BIDI_CONTROLS.source).test(line)) return line;
    const heading = ATX_HEADING.test(line) || (line.trim() !== '' && SETEXT_UNDERLINE.test(lines[i + 1] ?? ''));
    if (!heading) return line;
    problems.push(problem(file, i + 1, 'heading', bidiWarning(line), 'warning'));
    return line.replace(BIDI_CONTROLS, '');
  });
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], value);
}

/**
 * Reads one edition file: checks its size, decodes it, splits the front
 * matter from the body with gray-matter (after checking the delimiters, so
 * that gray-matter and this reader always agree) and parses the YAML keeping
 * positions, so each later problem can name its line. Control characters
 * are reported and removed from the body. A front matter with an error that
 * still parses (a control character, a value cut at " #") is given as
 * `source`, so its fields are checked too; one that cannot be read still
 * gives `body`, so the body's own problems are reported in the same run.
 * Never throws for a content mistake.
 */
export function readEdition(
  file: string,
  bytes: Uint8Array,
): { source?: EditionSource; problems: Problem[]; body?: string } {
  const fail = (line: number | undefined, field: string, message: string) => ({
    problems: [problem(file, line, field, message)],
  });
  if (bytes.length > MAX_FILE_BYTES) return fail(undefined, 'file', tooLarge(bytes.length));
  const text = decode(bytes);
  if (text === null) return fail(undefined, 'file', 'not UTF-8 text; save the file as UTF-8');
  if (!text.trim()) return fail(undefined, 'file', 'empty; expected front matter between "---" lines, then the intro');
  const lines = text.split('\n');
  const end = frontMatterEnd(lines);
  if ('message' in end) return fail(end.line, 'front matter', end.message);
  const { close } = end;

  const lineCounter = new LineCounter();
  let doc: Document | undefined;
  let source = '';
  matter(text, {
    engines: {
      yaml: (yamlText: string) => {
        source = yamlText;
        doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
        return {};
      },
    },
  });
  // gray-matter skips the engine when the front matter is blank.
  doc ??= parseDocument('', { lineCounter });
  // gray-matter hands the engine the text after the opening "---", newline included, so YAML lines are file lines.
  // What stops the front matter from being read at all; every other problem still lets it be checked.
  const unreadable = [
    ...yamlProblems(doc, lineCounter, file, 'front matter', source),
    ...reservedKeyProblems(doc, lineCounter, file),
  ];
  const problems = [
    ...unreadable,
    ...commentCutProblems(doc, lineCounter, file, source),
    ...numberSpellingProblems(doc, lineCounter, file),
    ...controlCharacterProblems(file, lines, close),
  ];
  const headerLines = close + 1;
  // The body, for its own problems even when the front matter cannot be read (its bidi warnings added once).
  let body: string | undefined;
  const bodyText = () =>
    (body ??=
      '\n'.repeat(headerLines) +
      headingsWithoutBidiControls(file, lines, headerLines, problems)
        .slice(headerLines)
        .join('\n')
        .replace(CONTROL_CHARACTERS, ''));
  const failed = (more: readonly Problem[] = []) => {
    const text = bodyText();
    return { problems: [...problems, ...more], body: text };
  };
  if (unreadable.length) return failed();
  const data = yamlData(doc, file);
  if ('problem' in data) return failed([data.problem]);
  const locate = yamlLocator(doc, lineCounter);
  // YAML escapes ("\0", "\e") make control characters the raw text does not show.
  const escaped = controlCharactersIn(data.data).map((path) =>
    problem(
      file,
      locate(path),
      fieldPath(path),
      `control character ${[...new Set(String(valueAt(data.data, path)).match(CONTROL_CHARACTERS))].map(codePoint).join(', ')}; expected plain text (delete it)`,
    ),
  );
  problems.push(...escaped);

  const clean = withoutBidiControls(data.data, (path, text) =>
    problems.push(problem(file, locate(path), fieldPath(path), bidiWarning(text), 'warning')),
  );
  return { source: { data: clean, body: bodyText(), locate }, problems };
}
