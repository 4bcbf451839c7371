/**
 * How problems are printed: one line each for people
 * (`file:line  field: message`), annotations for GitHub, a summary. The one
 * place that wording and its escaping are built.
 */
import type { Problem } from './problem.ts';

/** Control characters (C0, C1), line and paragraph separators, and the bidi embedding, override and isolate controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A control character as a visible escape: `\n`, `\r`, `\t`, `\u001b`, `\u202e`. */
function escapeControl(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text made safe for one printed line: CR, LF, tabs and every other control
 * character become visible escapes (`\n`, `\r`, `\t`, `\u001b`), so one
 * problem is always exactly one line and no text can start a line of its own.
 * Bidi controls (U+202A–U+202E, U+2066–U+2069) are escaped too: raw, they
 * would reorder the rest of the terminal line.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** As `oneLine`, but CR and LF stay (a workflow command escapes them as `%0D`, `%0A`). */
function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' || c === '\r' ? c : escapeControl(c)));
}

/**
 * Formats one problem as the single line people see. Control characters in
 * the file, field or message are escaped, and a line never starts with `::`
 * (which GitHub Actions would read as a workflow command).
 */
export function formatProblem(p: Problem): string {
  const file = oneLine(p.file);
  const where = p.line ? `${file}:${p.line}` : file;
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return notACommand(`${where}  ${oneLine(p.field)}: ${prefix}${oneLine(p.message)}`);
}

/** A line that GitHub Actions will not read as a workflow command (`::error::…`): `./` before a leading `::`. */
export function notACommand(line: string): string {
  return line.startsWith('::') ? `./${line}` : line;
}

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
 * or start another command, and no raw control character reaches the log.
 */
export function githubAnnotation(p: Problem): string {
  const props = [
    `file=${escapeProperty(visibleControls(p.file))}`,
    ...(p.line ? [`line=${p.line}`] : []),
    `title=${escapeProperty(visibleControls(p.field))}`,
  ];
  return `::${p.severity} ${props.join(',')}::${escapeData(visibleControls(`${p.field}: ${p.message}`))}`;
}

/** The problem lines people read, one per problem. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}
