/** How the checker reports problems: lines for people, JSON for tools, annotations for GitHub. */
import { formatProblem, type Problem } from './errors.ts';

/** "2 errors, 1 warning in 14 editions". */
export function summaryLine(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'edition')}`;
}

/** A workflow command's message, escaped as GitHub documents: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as `escapeData`, and `:` and `,` too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A GitHub Actions workflow command, so a pull request shows the problem on
 * its line. Always exactly one line: nothing in a problem can end it early
 * or start another command.
 */
export function githubAnnotation(p: Problem): string {
  const props = [
    `file=${escapeProperty(p.file)}`,
    ...(p.line ? [`line=${p.line}`] : []),
    `title=${escapeProperty(p.field)}`,
  ];
  return `::${p.severity} ${props.join(',')}::${escapeData(`${p.field}: ${p.message}`)}`;
}

/** The problem lines people read, one per problem. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}
