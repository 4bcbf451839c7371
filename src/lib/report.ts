/** How the checker reports problems: lines for people, JSON for tools, annotations for GitHub. */
import { formatProblem, type Problem } from './errors.ts';

/** "2 errors, 1 warning in 14 editions". */
export function summaryLine(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'edition')}`;
}

/** A GitHub Actions workflow command, so a pull request shows the problem on its line. */
export function githubAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const props = [`file=${p.file}`, ...(p.line ? [`line=${p.line}`] : []), `title=${p.field}`].map((s) =>
    s.replace(/,/g, '%2C').replace(/::/g, '%3A%3A'),
  );
  return `::${p.severity} ${props.join(',')}::${escape(`${p.field}: ${p.message}`)}`;
}

/** The problem lines people read, one per problem. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}
