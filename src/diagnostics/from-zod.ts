/** zod issues (front matter, topics, settings) as problems: what was found, what was expected, and where. */
import type { z } from 'astro/zod';
import { closest } from '../rules/typos.ts';
import { fieldPath, problem, showValue, type KnownKeys, type Locate, type Problem } from './problem.ts';

/** Words an author may write for true or false, and which each means. */
const QUOTED_BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  on: true,
  off: false,
};

/**
 * The quotes a value of the wrong type needed, or did not: `title: 2026` is
 * a number to YAML, `draft: "false"` is text. The line as it should be
 * written, when the value shows what it was.
 */
function quotingHint(expected: string, input: unknown, key: PropertyKey | undefined): string {
  const name = typeof key === 'string' ? key : undefined;
  const line = (value: string) => (name ? `: ${name}: ${value}` : '');
  if (expected === 'string' && typeof input === 'boolean')
    return ` (YAML reads it as true or false); put it in quotes to keep it as text${line(`"${String(input)}"`)}`;
  // A number is shown as YAML read it (`1.0` as 1): the quotes go around the value as written.
  if (expected === 'string' && typeof input === 'number')
    return ' (YAML reads it as a number); put the value in quotes, as written, to keep it as text';
  // `- url:https://…`: a list item that meant to be a key and its value.
  if (expected === 'object' && typeof input === 'string') {
    const glued = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(input);
    if (glued && !glued[2]!.startsWith('//')) return `; a key needs a space after its colon: ${glued[1]}: ${glued[2]}`;
    return '';
  }
  if (expected === 'boolean' && typeof input === 'string') {
    const word = input.trim().toLowerCase();
    // "true" as text was quoted; `yes` is text to YAML as written.
    if (word === 'true' || word === 'false') return `; write it without quotes${line(word)}`;
    const meant = QUOTED_BOOLEANS[word];
    if (meant !== undefined) return `; write ${name ? `${name}: ` : ''}${meant}`;
  }
  if (expected === 'number' && typeof input === 'string' && /^\s*\d+\s*$/.test(input))
    return `; write it without quotes${line(input.trim())}`;
  return '';
}

/** `Edition:` for `edition:`: the unknown key's line says "did you mean", and the key is not also "missing". */
function writtenInOtherCase(issues: readonly z.core.$ZodIssue[], path: readonly PropertyKey[]): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string') return false;
  const parent = JSON.stringify(path.slice(0, -1));
  return issues.some(
    (issue) =>
      issue.code === 'unrecognized_keys' &&
      JSON.stringify(issue.path) === parent &&
      issue.keys.some((other) => other !== key && other.toLowerCase() === key.toLowerCase()),
  );
}

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
    if (missing && writtenInOtherCase(error.issues, issue.path)) continue;
    let found = ` got ${showValue(input)}`;
    if (issue.code === 'invalid_type') found += quotingHint(issue.expected, input, issue.path.at(-1));
    if (typeof input === 'string' && (issue.code === 'too_big' || issue.code === 'too_small')) {
      found = ` got ${input.length} characters`;
    }
    const line = locate(issue.path, { key: missing }) ?? locate(issue.path.slice(0, -1), { key: true });
    const message = missing ? `missing; ${issue.message}` : `${issue.message},${found}`;
    problems.push(problem(file, line, fieldPath(issue.path), message));
  }
  return problems;
}
