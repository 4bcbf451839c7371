import { describe, expect, it } from 'vitest';
import { needsBudget } from '../../src/loader/compile-processes.ts';
import { deepLine } from '../../src/rules/limits.ts';

describe('containers opened at the start of one line are counted before parsing', () => {
  it('finds 101 list or quote markers on one line, with its line', () => {
    expect(deepLine(`intro\n\n${'1. '.repeat(101)}x`, 8)).toEqual({ line: 10, depth: 101 });
    expect(deepLine(`${'> - '.repeat(51)}x`)).toEqual({ line: 1, depth: 102 });
    expect(deepLine(`${'>'.repeat(101)} x`)).toEqual({ line: 1, depth: 101 });
  });

  it('passes 100 levels, a long thematic break, and markers that open nothing', () => {
    expect(deepLine(`${'- '.repeat(100)}x`)).toBeNull();
    expect(deepLine('- '.repeat(5_000))).toBeNull();
    expect(deepLine('* '.repeat(5_000))).toBeNull();
    expect(deepLine(`${'-'.repeat(300)} and text`)).toBeNull();
    expect(deepLine(`x ${'1. '.repeat(300)}`)).toBeNull();
  });
});

describe('which files are compiled where they can be stopped', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('a large file, or a small one crowded with brackets, emphasis or tags', () => {
    expect(needsBudget(bytes('a'.repeat(129 * 1024)))).toBe(true);
    expect(needsBudget(bytes(`${'!['.repeat(9_000)}x${'](u)'.repeat(9_000)}`))).toBe(true);
    expect(needsBudget(bytes('<b>'.repeat(2_001)))).toBe(true);
  });

  it('not a plain edition with a few hundred links', () => {
    expect(needsBudget(bytes('See [the story](https://example.org/a_b) and *this*.\n'.repeat(300)))).toBe(false);
  });
});
