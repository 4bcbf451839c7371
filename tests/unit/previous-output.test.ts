import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/cache/previous-output.ts';

const ROOT = join(import.meta.dirname, '../.output/previous-output');
const previous = join(ROOT, 'dist');
const out = join(ROOT, 'dist.next');

beforeEach(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(previous, { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(previous, 'same.html'), 'unchanged page');
  writeFileSync(join(previous, 'changed.html'), 'old text');
});

describe('a rebuild’s files and the site it replaces', () => {
  it('links a file the previous site holds byte for byte, and leaves the old file as it was', () => {
    writeOutputFile(out, 'same.html', Buffer.from('unchanged page'), previous);
    expect(statSync(join(out, 'same.html')).ino).toBe(statSync(join(previous, 'same.html')).ino);
    rmSync(previous, { recursive: true });
    expect(readFileSync(join(out, 'same.html'), 'utf8')).toBe('unchanged page');
  });

  it('writes a changed file, a new file, and every file when there is no previous site', () => {
    writeOutputFile(out, 'changed.html', Buffer.from('new text'), previous);
    writeOutputFile(out, 'new.html', Buffer.from('first time'), previous);
    writeOutputFile(out, 'same-but-no-previous.html', Buffer.from('unchanged page'), undefined);
    expect(readFileSync(join(out, 'changed.html'), 'utf8')).toBe('new text');
    expect(readFileSync(join(previous, 'changed.html'), 'utf8')).toBe('old text');
    expect(statSync(join(out, 'changed.html')).ino).not.toBe(statSync(join(previous, 'changed.html')).ino);
    expect(readFileSync(join(out, 'new.html'), 'utf8')).toBe('first time');
    expect(statSync(join(out, 'same-but-no-previous.html')).nlink).toBe(1);
  });
});
