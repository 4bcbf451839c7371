/** YAML with positions: syntax errors as problems, and the line of any field. */
import { Document, isMap, LineCounter } from 'yaml';
import type { Locate, Problem } from '../lib/errors.ts';

/** A document's syntax errors as problem lines (`front matter: YAML syntax error: …`). */
export function yamlProblems(doc: Document, lines: LineCounter, file: string, field = 'front matter'): Problem[] {
  return doc.errors.map((error) => ({
    file,
    line: lines.linePos(error.pos[0]).line,
    field,
    message: `YAML syntax error: ${error.code === 'DUPLICATE_KEY' ? 'a key appears twice; expected each key once' : error.message.split('\n')[0]}`,
    severity: 'error' as const,
  }));
}

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
