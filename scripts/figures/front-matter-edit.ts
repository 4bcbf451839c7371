/**
 * Writes figures into an edition's front matter without touching anything
 * else: the YAML is parsed with `yaml`'s `parseDocument` for its source
 * ranges, and each new value is spliced into the original text at those
 * offsets. The document is never re-serialised (`toString()` would fold long
 * lines, drop blank lines and re-quote), so other fields, their order, YAML
 * comments, quoting, line endings and the body stay byte for byte.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { FRONT_MATTER_FENCE } from '../../src/loader/read-edition.ts';

/** The three fields the figures command writes, in the order it adds them. */
export const FIGURE_FIELDS = ['points', 'comments', 'as_of'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** A thread's figures, as written into its `discussions` entry. */
export interface Figures {
  points: number;
  comments: number;
  /** ISO date-time with offset. */
  as_of: string;
}

/** Where the YAML between the `---` lines is in the file's text, and the file's line ending. */
export function frontMatterSpan(text: string): { start: number; end: number; eol: string } | null {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const firstEnd = text.indexOf('\n', bom);
  if (firstEnd < 0 || !FRONT_MATTER_FENCE.test(text.slice(bom, firstEnd).replace(/\r$/, ''))) return null;
  const eol = text[firstEnd - 1] === '\r' ? '\r\n' : '\n';
  let at = firstEnd + 1;
  while (at <= text.length) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next < 0 ? text.length : next).replace(/\r$/, '');
    if (FRONT_MATTER_FENCE.test(line)) return { start: firstEnd + 1, end: at, eol };
    if (next < 0) return null;
    at = next + 1;
  }
  return null;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Applies edits (at offsets of the original text), last first so earlier
 * offsets stay true; of two at one offset, the one made first ends up first.
 */
function apply(text: string, edits: Edit[]): string {
  return edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.at - a.edit.at || b.order - a.order)
    .reduce((out, { edit: e }) => out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove), text);
}

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(value: string): string {
  return /^[A-Za-z0-9][\w.:/?=&%~+@-]*$/.test(value) && !/:$/.test(value) ? value : JSON.stringify(value);
}

/** The value as written in place of an existing scalar: numbers plain; a date in the quotes it had. */
function replacement(node: Node | null, value: number | string): string {
  if (typeof value === 'number') return String(value);
  if (isScalar(node) && node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${value}'`;
  return scalar(value);
}

/** The offset where a node's own text ends (trailing comments excluded). */
function valueEnd(node: Node | Pair | null | undefined): number | undefined {
  if (!node) return undefined;
  if ('range' in node && node.range) {
    if (isMap(node) || isSeq(node)) {
      if (node.flow) return node.range[1];
      return valueEnd(node.items.at(-1) as Node | Pair | undefined) ?? node.range[1];
    }
    return node.range[1];
  }
  const pair = node as Pair;
  return valueEnd(pair.value as Node | null) ?? valueEnd(pair.key as Node | null);
}

/** Offset of the line break after `at` (the text's end when there is none). */
function lineEnd(yaml: string, at: number): number {
  const next = yaml.indexOf('\n', at);
  if (next < 0) return yaml.length;
  return yaml[next - 1] === '\r' ? next - 1 : next;
}

/** The column of an offset. */
function column(yaml: string, at: number): number {
  return at - (yaml.lastIndexOf('\n', at - 1) + 1);
}

/** Edits that set `fields` in one `discussions` entry: replaced where the key is, added as its last keys where not. */
function entryEdits(
  yaml: string,
  map: YAMLMap,
  fields: Partial<Record<FigureField, number | string>>,
  eol: string,
): Edit[] {
  const edits: Edit[] = [];
  const added: string[] = [];
  for (const field of FIGURE_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === field);
    const node = (pair?.value ?? null) as Node | null;
    if (pair && node?.range) {
      const [start, end] = node.range;
      const text = replacement(node, value);
      // `points:` with no value (maybe a comment after it): the new one needs a space on each side.
      const empty = start === end;
      const before = empty && !/\s/.test(yaml[start - 1] ?? ' ') ? ' ' : '';
      const after = empty && yaml[start] === '#' ? ' ' : '';
      edits.push({ at: start, remove: end - start, insert: `${before}${text}${after}` });
    } else if (pair) {
      const at = valueEnd(pair)!;
      edits.push({ at, remove: 0, insert: ` ${replacement(null, value)}` });
    } else {
      added.push(`${field}: ${replacement(null, value)}`);
    }
  }
  if (added.length) {
    const end = valueEnd(map)!;
    if (map.flow) {
      // After the last value, before any space and the closing brace.
      const last = valueEnd(map.items.at(-1))!;
      edits.push({ at: last, remove: 0, insert: added.map((a) => `, ${a}`).join('') });
    } else {
      const first = map.items[0]!.key as Node;
      const indent = ' '.repeat(column(yaml, first.range![0]));
      edits.push({ at: lineEnd(yaml, end), remove: 0, insert: added.map((a) => `${eol}${indent}${a}`).join('') });
    }
  }
  return edits;
}

function parse(text: string) {
  const span = frontMatterSpan(text);
  if (!span) return null;
  const yaml = text.slice(span.start, span.end);
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length) return null;
  return { span, yaml, doc };
}

/**
 * The file's text with figures set in the `discussions` entries at the given
 * indexes. Only the values of `points`, `comments` and `as_of` change, or
 * those keys are added as the entry's last keys, in the entry's style (block
 * or flow) and the file's line endings. Unchanged when the front matter cannot
 * be read.
 */
export function setFigures(text: string, updates: ReadonlyMap<number, Partial<Figures>>): string {
  const parsed = parse(text);
  if (!parsed) return text;
  const { span, yaml, doc } = parsed;
  const list = doc.get('discussions', true);
  if (!isSeq(list)) return text;
  const edits = [...updates].flatMap(([index, fields]) => {
    const entry = list.items[index];
    return isMap(entry) ? entryEdits(yaml, entry, fields, span.eol) : [];
  });
  return text.slice(0, span.start) + apply(yaml, edits) + text.slice(span.end);
}

/** A new `discussions` entry as block YAML lines under an item indent. */
function blockEntry(url: string, figures: Figures, indent: string, eol: string): string {
  const lines = [
    `${indent}- url: ${scalar(url)}`,
    ...FIGURE_FIELDS.map((f) => `${indent}  ${f}: ${replacement(null, figures[f])}`),
  ];
  return lines.join(eol);
}

/**
 * The file's text with threads appended to `discussions` (the list is
 * started when there is none), in the list's style. Nothing else changes.
 */
export function addDiscussions(text: string, entries: readonly { url: string; figures: Figures }[]): string {
  const parsed = parse(text);
  if (!parsed || entries.length === 0) return text;
  const { span, yaml, doc } = parsed;
  const { eol } = span;
  const root = doc.contents;
  if (!isMap(root) && root !== null) return text;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'discussions') : undefined;
  const list = pair?.value as Node | null | undefined;
  let edit: Edit;
  if (isSeq(list) && list.flow) {
    const flow = entries.map(({ url, figures }) => {
      const fields = FIGURE_FIELDS.map((f) => `${f}: ${replacement(null, figures[f])}`);
      return `{ url: ${scalar(url)}, ${fields.join(', ')} }`;
    });
    const open = list.range![0];
    const last = list.items.length ? valueEnd(list.items.at(-1) as Node) : undefined;
    edit =
      last === undefined
        ? { at: open + 1, remove: 0, insert: flow.join(', ') }
        : { at: last, remove: 0, insert: flow.map((f) => `, ${f}`).join('') };
  } else if (isSeq(list) && list.items.length) {
    const indent = ' '.repeat(column(yaml, list.range![0]));
    const block = entries.map((e) => blockEntry(e.url, e.figures, indent, eol));
    edit = { at: lineEnd(yaml, valueEnd(list)!), remove: 0, insert: block.map((b) => `${eol}${b}`).join('') };
  } else if (pair) {
    // `discussions:` with nothing after it (or an empty value).
    const block = entries.map((e) => blockEntry(e.url, e.figures, '  ', eol));
    const insert = block.map((b) => `${eol}${b}`).join('');
    const [start, end] = isScalar(list) && list.range ? list.range : [0, 0];
    edit =
      start < end
        ? { at: start, remove: end - start, insert } // `discussions: ~` or `null`: the list takes its place
        : { at: lineEnd(yaml, valueEnd(pair.key as Node)!), remove: 0, insert };
  } else {
    const block = entries.map((e) => blockEntry(e.url, e.figures, '  ', eol));
    const ending = yaml === '' || yaml.endsWith('\n') ? '' : eol;
    edit = { at: yaml.length, remove: 0, insert: `${ending}discussions:${eol}${block.join(eol)}${eol}` };
  }
  return text.slice(0, span.start) + apply(yaml, [edit]) + text.slice(span.end);
}
