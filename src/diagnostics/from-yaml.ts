/**
 * YAML syntax errors (front matter, topics.yaml) as problems on their lines.
 * The common mistakes (a `: ` inside an unquoted value, a tab for
 * indentation, a quote that ends a value early or never ends it, a value
 * that starts with one of YAML's indicators such as `@` or `*`, a key
 * without its colon or the space after it, a line indented by mistake, a
 * list never closed) get one line in plain words with the line as it should
 * be written; anything else keeps the parser's first line.
 */
import { isMap, isSeq, visit, YAMLParseError, type Document, type LineCounter, type YAMLError } from 'yaml';
import { problem, type Problem } from './problem.ts';

/** `key: value` on one line (a list item's `- ` allowed). */
const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s:#'"][^:#]*?):[ \t]+(.*?)\s*$/;

/** A value quoted so YAML reads it whole: double quotes, or single when it holds a double quote. */
function quoted(value: string): string {
  const first = value[0];
  const inner =
    (first === '"' || first === "'") && value.length > 1 && value.endsWith(first) ? value.slice(1, -1) : value;
  if (inner.includes('"') && !inner.includes("'")) return `'${inner}'`;
  return `"${inner.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A line that is a key and a value with no ": " between them (`title:Hello`, `date 2026-03-29`). */
const NO_SPACE_AFTER_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):(\S.*?)\s*$/;
const NO_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]+([^\s:#].*?)\s*$/;

/** What YAML makes of a value that starts with one of its indicators, for those an author types by accident. */
const INDICATORS: Record<string, string> = {
  '@': 'which YAML reserves',
  '`': 'which YAML reserves',
  '%': 'which YAML reads as a directive',
  '&': 'which YAML reads as the name of an anchor',
  '*': 'which YAML reads as a reference to an anchor (an alias)',
  '>': 'which YAML reads as the start of folded text on the lines below',
  '|': 'which YAML reads as the start of literal text on the lines below',
  '!': 'which YAML reads as a type tag (and drops)',
  '?': 'which YAML reads as a key of its own',
  '-': 'which YAML reads as the start of a list',
};

/** A problem's explanation, and the line it belongs to when that is not the line the parser named. */
interface Explained {
  why: string;
  line?: number;
}

const indent = (text: string) => /^\s*/.exec(text)![0].length;

/** The explanation of one syntax error, given the source lines and the error's line, or null for the parser's own words. */
function explain(error: YAMLError, texts: readonly string[] | undefined, line: number): Explained | null {
  if (error.code === 'DUPLICATE_KEY') return { why: 'a key appears twice; expected each key once' };
  // The parser ran out of stack: `[[[[…` or `{{{{…` thousands deep.
  if (/maximum call stack/i.test(error.message))
    return {
      why: 'lists or maps are nested too deeply to read ([ or { inside one another thousands of times); expected a few levels',
    };
  const text = texts?.[line - 1];
  if (texts === undefined || text === undefined) return null;
  if (error.code === 'TAB_AS_INDENT') {
    // Under a key that already has its value (or first of all), the line was not meant to be indented at all.
    const above = texts.slice(0, line - 1).findLast((t) => t.trim() !== '' && !t.trim().startsWith('#'));
    const over = above === undefined ? undefined : KEY_VALUE.exec(above);
    const flush = above === undefined || Boolean(over?.[3]);
    const fixed = flush
      ? `${' '.repeat(above === undefined ? 0 : indent(above))}${text.trim()}`
      : text.replace(/^[ \t]+/, (lead) => lead.replace(/\t/g, '  '));
    return {
      why: `this line is indented with a tab, and YAML allows only spaces; ${flush ? 'it needs no indent here' : 'indent it with spaces'}: ${JSON.stringify(fixed.trimEnd())}`,
    };
  }
  // `edition:17`: a key, its colon and no space (`- https://…` is a URL, not a key).
  const glued = NO_SPACE_AFTER_COLON.exec(text);
  if (glued && !KEY_VALUE.test(text) && !glued[3]!.startsWith('//'))
    return {
      why: `the key ${glued[2]} needs a space after its colon: ${`${glued[1]}${glued[2]}: ${glued[3]}`.trim()}`,
    };
  // A "[" or "{" never closed: the parser names the end of the front matter; the line that opens it is the one to fix.
  const close = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (close) {
    const open = close === ']' ? '[' : '{';
    const count = (t: string, c: string) => t.split(c).length - 1;
    for (let at = Math.min(line, texts.length) - 1; at >= 0; at--) {
      const t = texts[at]!;
      if (count(t, open) > count(t, close))
        return {
          line: at + 1,
          why: `the ${open === '[' ? 'list' : 'mapping'} opened with ${open} is never closed; end it with ${close} on the same line: ${`${t.trimEnd()}${close}`.trim()}`,
        };
    }
  }
  const next = texts[line];
  const pair = KEY_VALUE.exec(text);
  if (pair) {
    const [, lead, key, value = ''] = pair;
    const fix = `${lead}${key}: ${quoted(value)}`.trim();
    const tag = /\{([{%])/.exec(value)?.[1];
    if (tag)
      return {
        why: `the value of ${key} has a template tag ({${tag} … ${tag === '%' ? '%' : '}'}}), which YAML reads as a mapping and this site does not fill in; write the text itself, or put the value in quotes: ${fix}`,
      };
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && (/:[ \t]/.test(value) || value.endsWith(':')))
      return {
        why: `the value of ${key} has ${/:[ \t]/.test(value) ? '": " in it' : 'a ":" at its end'}, which YAML reads as another key; put the value in quotes: ${fix}`,
      };
    if (error.code === 'MISSING_CHAR' && /^["']/.test(value))
      return {
        why: `the value of ${key} opens a quote that never closes; close it at the end of the value: ${`${lead}${key}: ${quoted(value.slice(1))}`.trim()}`,
      };
    if (error.code === 'UNEXPECTED_TOKEN' && /^["'[{]/.test(value))
      return {
        why: `the value of ${key} starts with ${value[0]}, so YAML ends it at the ${value[0] === '[' ? 'matching ]' : value[0] === '{' ? 'matching }' : `next ${value[0]}`}; put the whole value in quotes: ${fix}`,
      };
    const indicator = INDICATORS[value[0] ?? ''];
    if (indicator)
      return { why: `the value of ${key} starts with ${value[0]}, ${indicator}; put the value in quotes: ${fix}` };
    // `edition: 3` then `  title: …`: the second line, indented, reads as part of the first.
    if (
      (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') &&
      value !== '' &&
      next !== undefined &&
      indent(next) > indent(text) &&
      KEY_VALUE.test(next)
    )
      return {
        line: line + 1,
        why: `this line is indented, so YAML reads it as part of ${key} on the line above, which already has a value; start it where ${key} starts: ${' '.repeat(indent(text))}${next.trim()}`,
      };
  }
  if (error.code === 'MISSING_CHAR') {
    const bare = NO_COLON.exec(text);
    if (bare)
      return {
        why: `the key ${bare[2]} needs a colon and a space after it: ${`${bare[1]}${bare[2]}: ${bare[3]}`.trim()}`,
      };
  }
  if (/^\s*- /.test(text) && !/^\s*- /.test(texts[line - 2] ?? ''))
    return {
      why: 'a list item ("- …") where a key was expected; a list belongs under its key, indented ("key:", then "  - item" on the lines below it)',
    };
  return null;
}

/**
 * What the parser accepts and reading the data would not: an alias
 * (`*name`) with no anchor (`&name`) before it, and a key that is itself a
 * mapping or a list (`title: {{ page.title }}`, a template tag).
 */
function unreadable(doc: Document): YAMLError[] {
  const found: YAMLError[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (alias.range && alias.resolve(doc) === undefined)
        found.push(
          new YAMLParseError([alias.range[0], alias.range[1]], 'BAD_ALIAS', `Unresolved alias ${alias.source}`),
        );
    },
    Pair(_, pair) {
      const range = (pair.key as { range?: [number, number, number] } | null)?.range;
      if (range && (isMap(pair.key) || isSeq(pair.key)))
        found.push(new YAMLParseError([range[0], range[1]], 'NON_STRING_KEY', 'A key is a mapping or a list'));
    },
  });
  return found;
}

/**
 * A document's syntax errors as problem lines (`front matter: YAML syntax
 * error: …`), one per line of the file. `source` is the text the document
 * was parsed from, for the explanations.
 */
export function yamlProblems(
  doc: Document,
  lines: LineCounter,
  file: string,
  field = 'front matter',
  source?: string,
): Problem[] {
  const texts = source?.split('\n');
  const seen = new Set<number>();
  // A tag YAML does not know (`title: !important news`) is only a warning to it, and the tag is dropped.
  const errors = doc.errors.length
    ? doc.errors
    : [...unreadable(doc), ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  return errors.flatMap((error) => {
    const at = lines.linePos(error.pos[0]).line;
    const explained = explain(error, texts, at);
    const line = explained?.line ?? at;
    if (seen.has(line)) return [];
    seen.add(line);
    return [problem(file, line, field, `YAML syntax error: ${explained?.why ?? error.message.split('\n')[0]}`)];
  });
}
