/** YAML syntax errors (front matter, topics.yaml) as problems on their lines. */
import type { Document, LineCounter } from 'yaml';
import { problem, type Problem } from './problem.ts';

/** A document's syntax errors as problem lines (`front matter: YAML syntax error: …`). */
export function yamlProblems(doc: Document, lines: LineCounter, file: string, field = 'front matter'): Problem[] {
  return doc.errors.map((error) =>
    problem(
      file,
      lines.linePos(error.pos[0]).line,
      field,
      `YAML syntax error: ${error.code === 'DUPLICATE_KEY' ? 'a key appears twice; expected each key once' : error.message.split('\n')[0]}`,
    ),
  );
}
