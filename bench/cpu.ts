/**
 * CPU time per edition of each stage a build spends on an edition — compiling
 * it, its social image (satori's layout, resvg's drawing, the PNG encoding)
 * and its two emails — measured with `process.cpuUsage()` in one process over
 * synthetic editions (`bench/generate.ts`), after a warm-up. CPU time, not
 * wall time, so the figures hold on a machine busy with other work. Prints
 * the median per stage, and a digest of every output so that two versions of
 * the code can be checked to give the same bytes.
 *
 *   node --expose-gc bench/cpu.ts [N]                      # N editions (default 100)
 *   node --expose-gc bench/cpu.ts [N] --without-raw-html   # their one raw-HTML block as Markdown
 */
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { compileEdition } from '../src/loader/compile-edition.ts';
import { emailHtml, emailText } from '../src/render/email.ts';
import { encodePng } from '../src/render/png.ts';
import { socialImageSvg } from '../src/render/social-image.ts';
import type { Edition } from '../src/schemas/edition-model.ts';
import { TEST_SITE as SITE } from '../tests/support/site.ts';
import { syntheticEdition } from './generate.ts';

const SETTINGS = { timeZone: SITE.timeZone, lang: SITE.lang };
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
// The synthetic editions' raw HTML is one `<details>` block each; real editions often have none.
const withoutRawHtml = process.argv.includes('--without-raw-html');
const source = (number: number) => {
  const text = syntheticEdition(number);
  return withoutRawHtml
    ? text
        .replace(/<details>\n<summary>(.*)<\/summary>\n\n([\s\S]*?)\n\n<\/details>/g, '**$1** $2')
        .replace(/<\/?kbd>/g, '`')
    : text;
};
const WARM_UP = 10;

/** CPU milliseconds (user + system) that `work` takes. */
async function cpu<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const start = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(start);
  return [(used.user + used.system) / 1000, value];
}

const stages = ['compile', 'satori', 'resvg', 'png', 'email.html', 'email.txt'] as const;
const times = new Map<string, number[]>(stages.map((s) => [s, []]));
const digests = new Map<string, ReturnType<typeof createHash>>(stages.map((s) => [s, createHash('sha256')]));
const bytes = new Map<string, number>(stages.map((s) => [s, 0]));

for (let i = 1; i <= n + WARM_UP; i++) {
  const number = ((i - 1) % n) + 1;
  const text = new TextEncoder().encode(source(number));
  const record = (stage: (typeof stages)[number], ms: number, output: string | Uint8Array) => {
    if (i <= WARM_UP) return;
    times.get(stage)!.push(ms);
    digests.get(stage)!.update(output);
    bytes.set(stage, bytes.get(stage)! + output.length);
  };
  const [compileMs, result] = await cpu(() => compileEdition(`edition-${number}.md`, text, SETTINGS));
  if (!result.edition) throw new Error(`edition ${number} did not compile`);
  record('compile', compileMs, JSON.stringify(result.edition));
  // As the artifact cache hands it over: a copy from JSON, without the compiler's objects.
  const edition = JSON.parse(JSON.stringify(result.edition)) as Edition;
  const [satoriMs, svg] = await cpu(() => socialImageSvg(edition, SITE));
  record('satori', satoriMs, svg);
  const [resvgMs, image] = await cpu(() => new Resvg(svg, { font: { loadSystemFonts: false } }).render());
  const [pngMs, png] = await cpu(() => encodePng(image.pixels, image.width, image.height));
  record('resvg', resvgMs, image.pixels);
  record('png', pngMs, png);
  const [htmlMs, html] = await cpu(() => emailHtml(edition, SITE));
  record('email.html', htmlMs, html);
  const [textMs, plain] = await cpu(() => emailText(edition, SITE));
  record('email.txt', textMs, plain);
  // As the artifact worker does, so that resvg's pixels are freed as they go.
  globalThis.gc?.({ type: 'minor' });
  await new Promise((resolve) => setImmediate(resolve));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(`${n} editions, CPU ms per edition (median / mean), output bytes per edition, digest of the outputs:`);
for (const stage of stages) {
  const xs = times.get(stage)!;
  const digest = digests.get(stage)!.digest('hex').slice(0, 16);
  console.log(
    `${stage.padEnd(11)} ${median(xs).toFixed(2).padStart(6)} / ${(sum(xs) / xs.length).toFixed(2).padStart(6)}  ${Math.round(
      bytes.get(stage)! / n,
    )
      .toString()
      .padStart(8)} B  ${digest}`,
  );
}
const total = stages.reduce((acc, s) => acc + sum(times.get(s)!) / n, 0);
console.log(`total       ${total.toFixed(2)} ms per edition (mean)`);
