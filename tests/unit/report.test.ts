import { describe, expect, it } from 'vitest';
import { type Problem } from '../../src/diagnostics/problem.ts';
import {
  formatProblem,
  escapeData,
  escapeProperty,
  githubAnnotation,
  problemLines,
} from '../../src/diagnostics/format.ts';

const hostile: Problem = {
  file: 'content/editions/a,b:c%\n::warning::x.md',
  line: 3,
  field: 'sections.x\n::error::y',
  message: 'got "a"\r\n::warning file=x::owned 100%\u001b[31m',
  severity: 'error',
};

describe('problem text cannot start a workflow command', () => {
  it('escapes %, CR and LF in messages, and : and , too in properties, as GitHub documents', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    expect(githubAnnotation(hostile)).toBe(
      '::error file=content/editions/a%2Cb%3Ac%25%0A%3A%3Awarning%3A%3Ax.md,line=3,title=sections.x%0A%3A%3Aerror%3A%3Ay::' +
        'sections.x%0A::error::y: got "a"%0D%0A::warning file=x::owned 100%25\\u001b[31m',
    );
    expect(githubAnnotation(hostile).split(/\r|\n/)).toHaveLength(1);
  });

  it('lets no raw control or bidi character reach an annotation or a plain line', () => {
    const bidi: Problem = { file: 'a\u202eb.md', field: 'title', message: 'x\u2066y\u0007', severity: 'warning' };
    expect(githubAnnotation(bidi)).toBe('::warning file=a\\u202eb.md,title=title::title: x\\u2066y\\u0007');
    expect(formatProblem(bidi)).toBe('a\\u202eb.md  title: warning: x\\u2066y\\u0007');
  });

  it('prints one problem as exactly one line, control characters made visible', () => {
    const line = formatProblem(hostile);
    expect(line).toBe(
      'content/editions/a,b:c%\\n::warning::x.md:3  sections.x\\n::error::y: got "a"\\r\\n::warning file=x::owned 100%\\u001b[31m',
    );
    expect(line.split(/\r|\n|\u2028|\u2029/)).toHaveLength(1);
    expect(problemLines([hostile, { ...hostile, severity: 'warning' }])).toHaveLength(2);
  });

  it('never starts a plain line with "::"', () => {
    const line = formatProblem({ file: '::warning::x.md', field: 'file', message: 'm', severity: 'error' });
    expect(line).toBe('./::warning::x.md  file: m');
  });
});
