/**
 * The importer's closing report: what was written and skipped, problems
 * grouped by kind, tags that found no topic, and what to do next.
 */
import { summaryLine, type Problem } from './project.ts';
import { quietLines } from './quiet.ts';

/** "date 2, edition 1": how many problems of one severity name each field. */
export function byField(problems: readonly Problem[], severity: Problem['severity']): string {
  const counts = new Map<string, number>();
  for (const p of problems) if (p.severity === severity) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
  return [...counts].map(([field, n]) => `${field} ${n}`).join(', ');
}

/** "2 errors (date 1, edition 1), 1 warning (Authors 1)": problems counted and grouped by field. */
export function countLine(problems: readonly Problem[]): string {
  const part = (severity: Problem['severity'], word: string) => {
    const n = problems.filter((p) => p.severity === severity).length;
    const fields = byField(problems, severity);
    return `${n} ${word}${n === 1 ? '' : 's'}${fields ? ` (${fields})` : ''}`;
  };
  return `${part('error', 'error')}, ${part('warning', 'warning')}`;
}

/** What the summary is made from. */
export interface SummaryInput {
  out: string;
  dryRun: boolean;
  written: string[];
  drafts: number;
  skipped: { file: string; reason: string }[];
  importProblems: Problem[];
  checkProblems: Problem[];
  checkedFiles: number;
  unmatchedTags: Map<string, number>;
  topicsFile: string;
  /** Source fields the edition format has no place for, with how many records had each and their fate. */
  unusedKeys: ReadonlyMap<string, { count: number; fate: string }>;
  /** Links to old addresses pointed at the new edition URLs. */
  linksRewritten: number;
  /** Files copied (or, in a dry run, that would be) from the old site into `publicDir`. */
  copied: readonly string[];
  publicDir: string;
  verbose: boolean;
}

/** The summary's lines. */
export function summaryLines(s: SummaryInput): string[] {
  const verb = s.dryRun ? 'would be written' : 'written';
  const lines = ['', 'Summary'];
  lines.push(
    `  ${verb}: ${s.written.length} edition${s.written.length === 1 ? '' : 's'} into ${s.out}${s.drafts ? ` (${s.drafts} as drafts)` : ''}`,
  );
  lines.push(`  skipped: ${s.skipped.length}`);
  lines.push(
    ...quietLines(
      s.skipped,
      s.verbose,
      (k) => k.reason.replace(/\S*\/\S*/g, '…'),
      (k) => `    ${k.file}: ${k.reason}`,
      (_, n) => `    … and ${n} more like these (--verbose lists every one)`,
    ),
  );
  if (s.unusedKeys.size) {
    lines.push('  fields an edition has no place for:');
    const keys = [...s.unusedKeys].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    for (const [key, { count, fate }] of keys) lines.push(`    ${key} (${count}): ${fate}`);
  }
  if (s.linksRewritten) lines.push(`  links to old addresses pointed at the new edition pages: ${s.linksRewritten}`);
  if (s.copied.length)
    lines.push(
      `  files the editions use, ${s.dryRun ? 'to be copied' : 'copied'} into ${s.publicDir}: ${s.copied.length}`,
    );
  lines.push(`  import: ${countLine(s.importProblems)}`);
  const groups = (['error', 'warning'] as const).flatMap((severity) => {
    const fields = byField(s.checkProblems, severity);
    return fields ? [`${severity}s: ${fields}`] : [];
  });
  lines.push(
    `  check: ${summaryLine(s.checkProblems, s.checkedFiles)}${groups.length ? ` (${groups.join('; ')})` : ''}`,
  );
  if (s.unmatchedTags.size) {
    const tags = [...s.unmatchedTags].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(
      `  tags matching no topic in ${s.topicsFile} (not imported): ${tags.map(([t, n]) => `${t} (${n})`).join(', ')}`,
    );
  }
  const importErrors = s.importProblems.filter((p) => p.severity === 'error').length;
  const checkErrors = s.checkProblems.filter((p) => p.severity === 'error').length;
  const next: string[] = [];
  if (s.dryRun)
    next.push(`nothing was written (--dry-run); run again without --dry-run to write ${s.written.length} editions`);
  if (importErrors)
    next.push(
      `fix the ${importErrors} source problem${importErrors === 1 ? '' : 's'} above and import again (files already written are never overwritten)`,
    );
  if (checkErrors) next.push(`fix the ${checkErrors} error${checkErrors === 1 ? '' : 's'} the check found in ${s.out}`);
  if (s.unmatchedTags.size)
    next.push(`add topics for the tags you want to keep to ${s.topicsFile} and sections.<id>.topics`);
  next.push('run npm run check, then npm run build');
  lines.push(`Next: ${next.join('; ')}.`);
  return lines;
}
