/**
 * YAML syntax errors (front matter, topics.yaml) as problems on their lines.
 * The common mistakes (a `: ` inside an unquoted value, a tab for
 * indentation, a quote that ends a value early or never ends it) get one
 * line in plain words with the line as it should be written; anything else
 * keeps the parser's first line.
 */
import type { Document, LineCounter, YAMLError } from 'yaml';
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

/** The explanation of one syntax error, given its source line, or null for the parser's own words. */
function explain(error: YAMLError, text: string | undefined): string | null {
  if (error.code === 'DUPLICATE_KEY') return 'a key appears twice; expected each key once';
  // The parser ran out of stack: `[[[[…` or `{{{{…` thousands deep.
  if (/maximum call stack/i.test(error.message))
    return 'lists or maps are nested too deeply to read ([ or { inside one another thousands of times); expected a few levels';
  if (text === undefined) return null;
  if (error.code === 'TAB_AS_INDENT') {
    const fixed = text.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '  '));
    return `this line is indented with a tab, and YAML allows only spaces; indent it with spaces: ${JSON.stringify(fixed.trimEnd())}`;
  }
  const pair = KEY_VALUE.exec(text);
  if (!pair) return null;
  const [, lead, key, value = ''] = pair;
  const fix = `${lead}${key}: ${quoted(value)}`.trim();
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /:[ \t]/.test(value))
    return `the value of ${key} has ": " in it, which YAML reads as another key; put the value in quotes: ${fix}`;
  if (error.code === 'MISSING_CHAR' && /^["']/.test(value))
    return `the value of ${key} opens a quote that never closes; close it at the end of the value: ${`${lead}${key}: ${quoted(value.slice(1))}`.trim()}`;
  if (error.code === 'UNEXPECTED_TOKEN' && /^["'[{]/.test(value))
    return `the value of ${key} starts with ${value[0]}, so YAML ends it at the ${value[0] === '[' ? 'matching ]' : value[0] === '{' ? 'matching }' : `next ${value[0]}`}; put the whole value in quotes: ${fix}`;
  return null;
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
  return doc.errors.flatMap((error) => {
    const line = lines.linePos(error.pos[0]).line;
    if (seen.has(line)) return [];
    seen.add(line);
    const why = explain(error, texts?.[line - 1]) ?? error.message.split('\n')[0];
    return [problem(file, line, field, `YAML syntax error: ${why}`)];
  });
}
