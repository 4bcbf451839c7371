/**
 * Deterministic synthetic editions that follow the edition format and look
 * like real ones: an intro, five sections of ~300 words with discussion
 * threads, figures and commenter profiles, topics shared across editions,
 * and what real newsletters contain besides prose — a quoted commenter in a
 * blockquote (nested now and then), nested lists, a table, a code block, an
 * image and a little raw HTML.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS =
  'model inference platform latency token cache memory quantization throughput serving cluster vendor open weights benchmark context window agent workflow pricing developer tooling hardware accelerator kernel batch scheduler'.split(
    ' ',
  );
const TOPICS = [
  'flash-moe',
  'local-inference',
  'openai',
  'ai-coding-tools',
  'llm-architecture',
  'offline-ai',
  'gpu-market',
  'agents',
];
const PEOPLE = ['wrs', 'mkw', 'Lapra', 'zozbot234', 'OJFord', 'maccard', 'phromo', 'K0balt'];

/** A small seeded generator (mulberry32): the same corpus on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rnd: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** The constructs besides prose, one or two per section, so every section type is in every edition. */
function extras(rnd: () => number, n: number, s: number, person: string): string[] {
  const quote = `> ${sentence(rnd, 25)}\n>\n> — [${person}](https://news.ycombinator.com/user?id=${person})`;
  switch (s) {
    case 1:
      return [n % 3 === 0 ? `${quote}\n>\n> > ${sentence(rnd, 12)}` : quote];
    case 2:
      return [
        `- ${sentence(rnd, 8)}\n  - ${sentence(rnd, 6)}\n  - ${sentence(rnd, 6)}\n- ${sentence(rnd, 8)}\n  1. ${sentence(rnd, 5)}\n  2. ${sentence(rnd, 5)}`,
      ];
    case 3:
      return [
        `| Model | Tokens/s | Notes |\n| :--- | ---: | --- |\n| ${WORDS[n % WORDS.length]} | ${Math.floor(rnd() * 900)} | ${sentence(rnd, 4)} |\n| ${WORDS[(n + 3) % WORDS.length]} | ${Math.floor(rnd() * 900)} | ${sentence(rnd, 4)} |`,
      ];
    case 4:
      return [
        `\`\`\`python\n# ${sentence(rnd, 5)}\nfor token in stream(model="m${n}"):\n    print(token, end="")  # <b>not html</b>\n\`\`\``,
        `![Chart for edition ${n}](https://example.com/charts/${n}-${s}.png)`,
      ];
    default:
      return [
        `<details>\n<summary>${sentence(rnd, 4)}</summary>\n\n${sentence(rnd, 20)} Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n\n</details>`,
      ];
  }
}

/** The text of synthetic edition `n` (1-based). */
export function syntheticEdition(n: number): string {
  const rnd = random(n);
  const day = new Date(Date.UTC(2020, 0, 1) + (n - 1) * 86_400_000).toISOString().slice(0, 10);
  const thread = (s: number) => 40_000_000 + n * 10 + s;
  const discussions = [1, 2, 3, 4, 5]
    .map(
      (s) =>
        `  - url: https://news.ycombinator.com/item?id=${thread(s)}\n    points: ${Math.floor(rnd() * 500)}\n    comments: ${Math.floor(rnd() * 300)}\n`,
    )
    .join('');
  const sections = [1, 2, 3, 4, 5]
    .map((s) => `  story-${s}:\n    topics: [${TOPICS[(n + s) % TOPICS.length]}]\n`)
    .join('');
  const body = [1, 2, 3, 4, 5]
    .map((s) => {
      const person = PEOPLE[(n + s) % PEOPLE.length]!;
      const paragraphs = [
        `${sentence(rnd, 40)} It reached ${Math.floor(rnd() * 500)} points ([discussion](https://news.ycombinator.com/item?id=${thread(s)})), and [the article](https://example.com/${n}/${s}) explains why. ${sentence(rnd, 20)}`,
        `[${person}](https://news.ycombinator.com/user?id=${person}) wrote: "${sentence(rnd, 25)}" ${sentence(rnd, 30)} See [the code](https://github.com/example/repo-${s}) and [the docs](https://docs.example.com/${s}).`,
        `${sentence(rnd, 45)} [A benchmark](https://bench.example.org/${n}-${s}) and [a reply](https://news.ycombinator.com/item?id=${thread(s)}) agree. ${sentence(rnd, 35)}`,
        `${sentence(rnd, 50)} **${sentence(rnd, 5)}** ${sentence(rnd, 30)} [Another view](https://blog.example.net/${s}).`,
        ...extras(rnd, n, s, person),
      ];
      return `## Story ${s} of edition ${n} {#story-${s}}\n\n${paragraphs.join('\n\n')}\n`;
    })
    .join('\n');
  return `---\nedition: ${n}\ndate: ${day}\ndiscussions:\n${discussions}sections:\n${sections}---\n\n${sentence(rnd, 40)} ${sentence(rnd, 30)}\n\n${body}`;
}

/** Writes `count` synthetic editions into a fresh folder. */
export function writeCorpus(folder: string, count: number): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let n = 1; n <= count; n++) {
    writeFileSync(join(folder, `${syntheticEditionDate(n)}-edition-${n}.md`), syntheticEdition(n));
  }
}

/** "Now" for every build of the benchmark: after the last synthetic edition of N=10,000 (2047), so all are published. */
export const BENCH_NOW = '2100-01-01T00:00:00Z';

/** The date of synthetic edition `n`: one a day from 2020-01-01. */
export function syntheticEditionDate(n: number): string {
  return new Date(Date.UTC(2020, 0, 1) + (n - 1) * 86_400_000).toISOString().slice(0, 10);
}
