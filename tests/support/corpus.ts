/**
 * Markdown nobody here wrote: every example of the CommonMark spec (the
 * `commonmark-spec` package) and the GFM table, strikethrough and autolink
 * examples, each made into an edition whose one story is the example.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { slug } from 'github-slugger';

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, '../..');

/** One example as an edition. */
export interface CorpusEdition {
  /** `commonmark-123` or `gfm-4`. */
  name: string;
  /** The spec section it comes from, as a topic slug. */
  topic: string;
  number: number;
  text: string;
}

interface Example {
  markdown: string;
  section: string;
}

/** Every example, in spec order, CommonMark first. */
export function corpusExamples(): { name: string; example: Example }[] {
  const commonmark = (require('commonmark-spec') as { tests: (Example & { number: number })[] }).tests;
  const gfm = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus/gfm-examples.json'), 'utf8')) as Example[];
  return [
    ...commonmark.map((example) => ({ name: `commonmark-${example.number}`, example })),
    ...gfm.map((example, i) => ({ name: `gfm-${i + 1}`, example })),
  ];
}

/** The example as edition `number`: an intro, then one story holding the example's Markdown as written. */
export function corpusEdition(name: string, example: Example, number: number): CorpusEdition {
  const day = new Date(Date.UTC(2020, 0, 1) + number * 86_400_000).toISOString().slice(0, 10);
  const topic = `spec-${slug(example.section.replace(/\(extension\)/, ''))}`.replace(/-+$/, '');
  // The spec writes tabs as → in its examples' display; the data has real tabs.
  const text = `---
edition: ${number}
date: ${day}
sections:
  ${name}:
    topics: [${topic}]
---

Intro of ${name}, from the section ${JSON.stringify(example.section)}.

## Example ${name} {#${name}}

${example.markdown}`;
  return { name, topic, number, text };
}

/** Every example as an edition, numbered from 1. */
export function corpusEditions(): CorpusEdition[] {
  return corpusExamples().map(({ name, example }, i) => corpusEdition(name, example, i + 1));
}

/** The hand-written edition with every construct and script in it. */
export const KITCHEN_SINK = 'tests/fixtures/kitchen-sink/editions/2026-05-01-edition-1.md';

/**
 * Writes the corpus site's editions: every example the format accepts (the
 * others are refused with problem lines, which the Markdown tier checks),
 * then the kitchen sink as the newest edition. Returns how many were refused.
 */
export function writeCorpusSite(
  folder: string,
  accepts: (text: string) => boolean,
): { written: number; refused: number } {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const editions = corpusEditions();
  let written = 0;
  for (const edition of editions) {
    if (!accepts(edition.text)) continue;
    writeFileSync(join(folder, `${edition.name}.md`), edition.text);
    written++;
  }
  const sink = readFileSync(join(ROOT, KITCHEN_SINK), 'utf8')
    .replace(/^edition: 1$/m, `edition: ${editions.length + 1}`)
    .replace(/^date: .*$/m, 'date: 2029-12-31T09:00:00-05:00');
  writeFileSync(join(folder, 'kitchen-sink.md'), sink);
  return { written: written + 1, refused: editions.length - written };
}
