/** Gates over built files: HTML validity, links and anchors, identical rebuilds. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { allFiles } from '../support/html.ts';

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
// Email clients still need table layout attributes (width, cellpadding, align) that HTML deprecates.
const emailValidator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: { 'no-deprecated-attr': 'off' },
});

/** html-validate over every `.html` file of a folder: one line per error. */
export async function htmlErrors(dir: string): Promise<string[]> {
  const lines: string[] = [];
  for (const file of allFiles(dir).filter((f) => f.endsWith('.html'))) {
    const report = await (file.endsWith('email.html') ? emailValidator : validator).validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity === 2) lines.push(`${relative(dir, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
  }
  return lines;
}

/**
 * linkinator over a folder served as a static host would (from `serverRoot`,
 * starting at `start`), fragments included, external links skipped (no
 * network here). Returns how many links were checked and one line per broken one.
 */
export async function brokenLinks(serverRoot: string, start = ''): Promise<{ checked: number; broken: string[] }> {
  const result = await new LinkChecker().check({
    path: start || serverRoot,
    ...(start ? { serverRoot } : {}),
    recurse: true,
    checkFragments: true,
    linksToSkip: ['^(?!https?://(localhost|127\\.0\\.0\\.1))'],
  });
  const broken = result.links
    .filter((link) => link.state === 'BROKEN')
    .map((link) => `${link.url} (from ${link.parent ?? '?'}): ${link.status ?? ''}`.trim());
  return { checked: result.links.length, broken };
}

/** Files that differ between two folders, by relative path and content hash. */
export function differences(a: string, b: string): string[] {
  const hashes = (dir: string) =>
    new Map(allFiles(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
  const [left, right] = [hashes(a), hashes(b)];
  const paths = new Set([...left.keys(), ...right.keys()]);
  return [...paths].filter((p) => left.get(p) !== right.get(p)).sort();
}
