/** zod issues (front matter, topics, settings) as problems: what was found, what was expected, and where. */
import type { z } from 'astro/zod';
import { closest } from '../rules/typos.ts';
import { fieldPath, problem, showValue, type KnownKeys, type Locate, type Problem } from './problem.ts';

/**
 * Turns zod issues into problems. Schemas carry their own "expected …"
 * messages; this adds what was found and where.
 */
export function zodProblems(error: z.ZodError, file: string, locate: Locate, knownKeys: KnownKeys): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const hint = guess ? ` (did you mean "${guess}"?)` : '';
        const message = known.length ? `unknown key${hint}; expected one of ${known.join(', ')}` : 'unknown key';
        problems.push(
          problem(file, locate([...issue.path, key], { key: true }), fieldPath([...issue.path, key]), message),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A bad key of a map (e.g. a topic slug): point at the key and use the key schema's wording.
      const message = `${issue.issues[0]?.message ?? issue.message}, got ${showValue(issue.path.at(-1))}`;
      problems.push(problem(file, locate(issue.path, { key: true }), fieldPath(issue.path), message));
      continue;
    }
    // An unknown variant of a union (`provider: mailchump`) is reported on the object: show the value that picks it.
    if (issue.code === 'custom' && issue.params?.['bare']) {
      // A rule that words the whole problem itself (it names what it found).
      problems.push(problem(file, locate(issue.path), fieldPath(issue.path), issue.message));
      continue;
    }
    const input: unknown =
      'discriminator' in issue &&
      typeof issue.discriminator === 'string' &&
      issue.input &&
      typeof issue.input === 'object'
        ? (issue.input as Record<string, unknown>)[issue.discriminator]
        : 'input' in issue
          ? issue.input
          : undefined;
    const missing = (issue.code === 'invalid_type' || 'discriminator' in issue) && input === undefined;
    let found = ` got ${showValue(input)}`;
    if (typeof input === 'string' && (issue.code === 'too_big' || issue.code === 'too_small')) {
      found = ` got ${input.length} characters`;
    }
    const line = locate(issue.path, { key: missing }) ?? locate(issue.path.slice(0, -1), { key: true });
    const message = missing ? `missing; ${issue.message}` : `${issue.message},${found}`;
    problems.push(problem(file, line, fieldPath(issue.path), message));
  }
  return problems;
}
