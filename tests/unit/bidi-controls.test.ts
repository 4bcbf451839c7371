import { describe, expect, it } from 'vitest';
import { readEdition } from '../../src/loader/read-edition.ts';

const file = 'content/editions/2026-04-05-edition-7.md';
const edition = [
  '---',
  'edition: 7',
  'date: 2026-04-05',
  'title: "Invoice \u202egpj.exe"',
  'description: "An \u2066isolate never closed"',
  '---',
  '',
  'An intro with an Arabic embedding \u202b in running text.',
  '',
  '## Story \u202e one {#one}',
  '',
].join('\n');

describe('bidi controls in titles, descriptions and headings', () => {
  const { source, problems } = readEdition(file, new TextEncoder().encode(edition));

  it('are a warning each, naming the field and the character', () => {
    const why = 'is removed (it would reorder the text around it in titles, feeds and email subjects)';
    expect(problems.map((p) => `${p.line}  ${p.field}: ${p.severity}: ${p.message}`)).toEqual([
      `4  title: warning: bidi control U+202E ${why}`,
      `5  description: warning: bidi control U+2066 ${why}`,
      `10  heading: warning: bidi control U+202E ${why}`,
    ]);
  });

  it('are removed from the text every title, meta tag, feed and email subject is made from', () => {
    const data = source?.data as { title: string; description: string };
    expect(data.title).toBe('Invoice gpj.exe');
    expect(data.description).toBe('An isolate never closed');
    expect(source?.body).toContain('\n## Story  one {#one}\n');
  });

  it('stay in running text, where a right-to-left writer puts them on purpose', () => {
    expect(source?.body).toContain('embedding \u202b in running text');
  });
});
