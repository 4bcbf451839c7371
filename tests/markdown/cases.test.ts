import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/markdown/pipeline.ts';

const CASES = join(import.meta.dirname, 'cases');

/**
 * One folder per case: `input.md` (an edition body), `expected.html` (what the
 * pipeline renders) and, when the case has any, `problems.txt` (one
 * `line  field: message` per problem, in order).
 */
describe.each(readdirSync(CASES))('Markdown case %s', (name) => {
  const read = (file: string) => readFileSync(join(CASES, name, file), 'utf8');
  const { tree, file } = renderBody(read('input.md'), { figures: new Map(), lang: 'en-US' });

  it('renders the expected HTML', () => {
    expect(toHtml(tree).trim()).toBe(read('expected.html').trim());
  });

  it('reports exactly the expected problems', () => {
    const problems = file.messages.map((m) => `${m.line}  ${m.ruleId}: ${m.fatal ? '' : 'warning: '}${m.reason}`);
    const expected = existsSync(join(CASES, name, 'problems.txt')) ? read('problems.txt').trim().split('\n') : [];
    expect(problems).toEqual(expected);
  });
});
