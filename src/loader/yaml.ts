/** YAML with positions: the line of any field, reserved keys, and data within the alias limit. */
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, visit, YAMLParseError } from 'yaml';
import { MAX_YAML_ALIASES } from '../rules/limits.ts';
import { fieldPath, problem, type Locate, type Problem } from '../diagnostics/problem.ts';

/** Finds the line of a field's value, or of its key with `{ key: true }`. */
export function yamlLocator(doc: Document, lines: LineCounter): Locate {
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

/** Keys that name parts of every JavaScript object: as YAML keys they would silently vanish. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** `__proto__`, `constructor` and `prototype` keys, anywhere in a YAML document. */
export function reservedKeyProblems(doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (typeof key?.value !== 'string' || !RESERVED_KEYS.includes(key.value)) return;
      problems.push(
        problem(
          file,
          key.range ? lineCounter.linePos(key.range[0]).line : undefined,
          key.value,
          'a reserved name that cannot be a key; rename it',
        ),
      );
    },
  });
  return problems;
}

/** A field's path: the keys of the pairs above it, and its place in each list. */
function pathOf(ancestors: readonly unknown[], node: unknown): PropertyKey[] {
  return [...ancestors, node].flatMap((at, i, all): PropertyKey[] =>
    isPair(at) && isScalar(at.key) ? [String(at.key.value)] : isSeq(at) ? [at.items.indexOf(all[i + 1] as never)] : [],
  );
}

/** A number in a spelling YAML reads and an author rarely means: hexadecimal, octal, or with an exponent. */
const ODD_NUMBER = /^[-+]?(?:0x[\da-f]+|0o[0-7]+|(?:\d+\.?\d*|\.\d+)e[-+]?\d+)$/i;

/**
 * Numbers YAML read from a spelling such as `0x10` (16) or `1e1` (10):
 * `edition: 0x10` would quietly be edition 16. The problem gives the value
 * as YAML read it, in digits.
 */
export function numberSpellingProblems(doc: Document, lineCounter: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Scalar(_, scalar, ancestors) {
      if (typeof scalar.value !== 'number' || !scalar.range || scalar.type !== 'PLAIN') return;
      const written = (scalar as { source?: string }).source ?? '';
      if (!ODD_NUMBER.test(written)) return;
      const parent = ancestors.at(-1);
      // A key spelled like a number is a key, and the sections' ids are checked as such.
      if (isPair(parent) && parent.key === scalar) return;
      const path = pathOf(ancestors, scalar);
      const key = path.at(-1);
      const fix = typeof key === 'string' ? ` (${key}: ${scalar.value})` : '';
      problems.push(
        problem(
          file,
          lineCounter.linePos(scalar.range[0]).line,
          fieldPath(path),
          `YAML reads ${written} as the number ${scalar.value}; write the number in digits${fix}, or put the value in quotes if it is text`,
        ),
      );
    },
  });
  return problems;
}

/** A date or date-time, which YAML keeps as text: `date: 2026-04-05 # Sunday` reads as meant. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Text values that YAML cut at a ` #`, which starts a comment: `title: Issue
 * #5 is here` is the title "Issue". A comment written as one (`# note`,
 * with a space after the `#`), and a number, `true` or a date before a
 * comment (`edition: 7  #7`), read as meant and are left alone.
 * The problem gives the line as it should be written.
 */
export function commentCutProblems(doc: Document, lineCounter: LineCounter, file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      const value = isScalar(pair.value) ? pair.value : undefined;
      // `title: #hashtag week`: all of the value is a comment, so the key has none.
      if (key?.range && (pair.value === null || (value && value.value === null && value.source === ''))) {
        const { line } = lineCounter.linePos(key.range[0]);
        const text = source.split('\n')[line - 1] ?? '';
        const after = /^(\s*(?:-\s+)?[^:#]+:[ \t]+)(#\S.*?)\s*$/.exec(text);
        if (after)
          problems.push(
            problem(
              file,
              line,
              fieldPath(pathOf(ancestors, pair)),
              `YAML reads "#" as the start of a comment, so ${String(key.value)} has no value; put the whole value in quotes: ${`${after[1]!.trimEnd()} "${after[2]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`.trim()}`,
            ),
          );
        return;
      }
      if (!key || !value?.range || value.type !== 'PLAIN' || typeof value.value !== 'string') return;
      if (DATE_LIKE.test(value.value)) return;
      // A "#" right after the value on its line, and right before more text ("#5"): a comment written as one,
      // "# never existed", has a space after its "#", and a comment on a line of its own changes nothing.
      const end = source.indexOf('\n', value.range[1]);
      if (!/^[ \t]+#\S/.test(source.slice(value.range[1], end === -1 ? undefined : end))) return;
      const { line, col } = lineCounter.linePos(value.range[0]);
      const text = source.split('\n')[line - 1] ?? '';
      const whole = text.slice(col - 1).trimEnd();
      const fixed = `${text.slice(0, col - 1)}"${whole.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`.trim();
      problems.push(
        problem(
          file,
          line,
          fieldPath(pathOf(ancestors, pair)),
          `YAML reads " #" as the start of a comment, so the value is cut to ${JSON.stringify(value.value)}; put the whole value in quotes: ${fixed} (or, for a comment, put it on a line of its own)`,
        ),
      );
    },
  });
  return problems;
}

/** The document as plain data, or a problem when its aliases expand past the limit. */
export function yamlData(
  doc: Document,
  file: string,
  field = 'front matter',
): { data: unknown } | { problem: Problem } {
  try {
    return { data: doc.contents === null ? {} : doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    const message = /alias/i.test(String(error))
      ? `YAML aliases expand too far (more than ${MAX_YAML_ALIASES}); write the values out instead of using *aliases`
      : `YAML could not be read: ${String((error as Error).message ?? error).split('\n')[0]}`;
    return { problem: problem(file, undefined, field, message) };
  }
}

/**
 * Adds to `doc.errors` a `DUPLICATE_KEY` error for each key a mapping holds
 * twice, as the parser's own `uniqueKeys` check does, in one pass: that check
 * compares every key with every other (20,000 topics took 23 s).
 */
export function checkUniqueKeys(doc: Document): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        if (!key || key.value === '<<') continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (!seen.has(id)) seen.add(id);
        else if (key.range)
          doc.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
}
