/**
 * `npm run bench`: builds the full site (pages, feeds, topics, emails,
 * images, search index — everything `npm run build` does) over N synthetic
 * editions and reports, per N: cold build, rebuild with no change, rebuild
 * after editing one edition (medians of the runs), peak memory (the largest
 * process, and all the build's processes together), `npm run dev`'s first
 * page (with the caches a build leaves, and with none) and how soon a saved
 * edit shows in the browser, pages per second, `dist/` size, an edition page's bytes raw and gzipped, and the
 * search index size and bytes a first query downloads; and a rebuild after a
 * new edition is added (edition N + 1, the weekly case, caches warm). The
 * peers of `../shared/bench-peers/` build the same editions in the same
 * run, alternately with ours: the minimal Eleventy site (the floor) and,
 * where Debian's `pelican` is installed, the Pelican site with tags,
 * archives and feeds (what real archives use today); the row gives both
 * ratios. Appends a row per N to bench/RESULTS.md.
 *
 *   npm run bench                      # N = 100, 1000, 3000; 3 runs each
 *   npm run bench -- 1000 --runs 1     # one size, one run
 *   npm run bench -- --editions ~/twir/content/editions   # a real archive instead of synthetic editions
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { allFiles } from '../tests/support/html.ts';
import { measureDev, type DevTimes } from './dev.ts';
import { BENCH_NOW, syntheticEdition, syntheticEditionDate, writeCorpus } from './generate.ts';
import { cacheRoot } from '../src/cache/named-cache.ts';
import { firstQueryBytes } from './search-bytes.ts';
import { TreeSampler } from './processes.ts';

const ROOT = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, editions: { type: 'string' } },
});
const runs = Number(values.runs);

/** The editions one row is measured over: N synthetic editions, or a copy of a real archive's folder. */
interface Corpus {
  /** The row's name, and the folder under `bench/.corpus/` and `bench/.out/`: N, or the archive folder's name. */
  name: string;
  /** The editions folder, from the project. */
  folder: string;
  /** How many editions it has. */
  count: number;
  /** The newest edition (`npm run dev` opens and edits it): its number and file. */
  newest: { number: number; file: string };
  /** The file of the oldest edition, the one the "one edit" rebuild changes. */
  oldest: string;
  /** The edition the "new edition" rebuild adds, after the newest: its file and text. */
  next: { file: string; text: string };
}

/** N synthetic editions (`bench/generate.ts`), written afresh. */
function syntheticCorpus(n: number): Corpus {
  const folder = `bench/.corpus/${n}/editions`;
  writeCorpus(join(ROOT, folder), n);
  const file = (k: number) => join(ROOT, folder, `${syntheticEditionDate(k)}-edition-${k}.md`);
  return {
    name: String(n),
    folder,
    count: n,
    newest: { number: n, file: file(n) },
    oldest: file(1),
    next: { file: file(n + 1), text: syntheticEdition(n + 1) },
  };
}

/** A copy of a real archive's editions folder; the new edition is a synthetic one numbered after its newest. */
function archiveCorpus(source: string): Corpus {
  const name = basename(resolve(source));
  const folder = `bench/.corpus/${name}/editions`;
  rmSync(join(ROOT, folder), { recursive: true, force: true });
  cpSync(source, join(ROOT, folder), { recursive: true });
  const editions = readdirSync(join(ROOT, folder))
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => ({
      file: join(ROOT, folder, f),
      number: Number(/^edition:\s*["']?(\d+)/m.exec(readFileSync(join(ROOT, folder, f), 'utf8'))?.[1] ?? NaN),
    }))
    .filter((e) => Number.isInteger(e.number))
    .sort((a, b) => a.number - b.number);
  if (editions.length === 0) throw new Error(`${source} holds no edition files (Markdown with an edition: number)`);
  const newest = editions.at(-1)!;
  const number = newest.number + 1;
  const text = syntheticEdition(number).replace(/^date: .*$/m, 'date: 2099-12-31');
  return {
    name,
    folder,
    count: editions.length,
    newest,
    oldest: editions[0]!.file,
    next: { file: join(ROOT, folder, `2099-12-31-edition-${number}.md`), text },
  };
}

/**
 * One `npm run build` of the corpus: wall seconds, and peak resident memory
 * (MiB) of the largest process and of all its processes together, sampled
 * every 100 ms.
 */
async function build(
  corpus: Corpus,
): Promise<{ seconds: number; peakMiB: number; peakSumMiB: number; cpuLines: string[] }> {
  const start = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      EDITIONS_DIR: corpus.folder,
      OUT_DIR: `bench/.out/${corpus.name}`,
      BUILD_DATE: BENCH_NOW,
    },
  });
  const sampler = new TreeSampler(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  sampler.stop();
  if (code !== 0) throw new Error(`the build of ${corpus.folder} failed (exit ${code}); run it alone to see why`);
  const { peakMiB, peakSumMiB } = sampler;
  return { seconds: (performance.now() - start) / 1000, peakMiB, peakSumMiB, cpuLines: sampler.cpuLines() };
}

const PEERS = join(ROOT, '../shared/bench-peers');

/** The Eleventy peer, copied beside the benchmark with its packages installed (once); null when it is not there. */
function prepareEleventy(): string | null {
  const peer = join(ROOT, 'bench/.peer');
  if (!existsSync(join(PEERS, 'eleventy'))) return null;
  if (!existsSync(join(peer, 'node_modules/@11ty/eleventy'))) {
    rmSync(peer, { recursive: true, force: true });
    cpSync(join(PEERS, 'eleventy'), peer, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: peer, stdio: 'ignore' });
  }
  return peer;
}

/** One Eleventy build of the peer over the corpus: wall seconds. */
function eleventyBuild(peer: string, corpus: Corpus): number {
  const editions = join(peer, 'content/editions');
  rmSync(editions, { recursive: true, force: true });
  cpSync(join(ROOT, corpus.folder), editions, { recursive: true });
  rmSync(join(peer, '_site'), { recursive: true, force: true });
  const start = performance.now();
  execFileSync(process.execPath, [join(peer, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet'], {
    cwd: peer,
    stdio: 'ignore',
  });
  return (performance.now() - start) / 1000;
}

/** The Pelican peer, copied beside the benchmark; null (and a line saying so) when Debian's `pelican` is missing. */
function preparePelican(): string | null {
  const site = join(ROOT, 'bench/.pelican');
  if (!existsSync(join(PEERS, 'pelican'))) return null;
  try {
    execFileSync('pelican', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log(
      'bench: pelican is not installed (apt-get install pelican python3-markdown python3-pygments); no Pelican column',
    );
    return null;
  }
  rmSync(site, { recursive: true, force: true });
  cpSync(join(PEERS, 'pelican'), site, { recursive: true });
  // The peer's pages are `editions/<number>/` and its yearly archives `editions/<year>/`: from N = 2,020 an
  // edition's number is also a year of the synthetic dates, and Pelican stops ("… is to be overwritten").
  // The copy writes the archives a folder further down, which is the same work.
  appendFileSync(join(site, 'pelicanconf.py'), "YEAR_ARCHIVE_SAVE_AS = 'editions/years/{date:%Y}/index.html'\n");
  return site;
}

/** One Pelican build of the peer over the corpus (converted to Pelican's metadata lines first, untimed): wall seconds. */
function pelicanBuild(site: string, corpus: Corpus): number {
  const editions = join(site, 'content/editions');
  execFileSync(process.execPath, [join(site, 'to-pelican.mjs'), join(ROOT, corpus.folder), editions], {
    stdio: 'ignore',
  });
  rmSync(join(site, 'output'), { recursive: true, force: true });
  const start = performance.now();
  // Its own lines (the error, if it stops) are shown, not hidden.
  execFileSync('pelican', ['content', '-s', 'pelicanconf.py', '-o', 'output', '-q'], {
    cwd: site,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const peerCell = (times: number[], ours: number) =>
  times.length ? `${median(times).toFixed(1)} (${(ours / median(times)).toFixed(1)}×)` : 'n/a';

/** What the built site holds, read from the output of a build of the corpus as it is (no edition added). */
async function siteFigures(corpus: Corpus): Promise<string[]> {
  const out = join(ROOT, `bench/.out/${corpus.name}`);
  const files = allFiles(out);
  const page = readFileSync(join(out, `editions/${corpus.newest.number}/index.html`));
  const css = files.filter((f) => f.endsWith('.css') && f.includes('_astro'));
  const pageGz = gzipSync(page).length + css.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  const index = size(files.filter((f) => f.includes('/pagefind/')));
  const query = await firstQueryBytes(out, 'inference');
  return [
    String(files.filter((f) => f.endsWith('.html')).length),
    `${(size(files) / 2 ** 20).toFixed(0)} MiB`,
    `${kib(page.length)} / ${kib(pageGz)}`,
    `${(index / 2 ** 20).toFixed(1)} MiB`,
    query === null ? 'n/a' : kib(query),
  ];
}

/** Benchmarks one corpus and appends its row. */
async function benchmark(corpus: Corpus): Promise<void> {
  const eleventy = prepareEleventy();
  const pelican = preparePelican();
  const eleventyTimes: number[] = [];
  const pelicanTimes: number[] = [];
  const [cold, noChange, oneEdit, newEdition]: [number[], number[], number[], number[]] = [[], [], [], []];
  const devCold: DevTimes[] = [];
  const devWarm: DevTimes[] = [];
  let peak = 0;
  let peakSum = 0;
  let figures: string[] = [];
  const oldest = readFileSync(corpus.oldest, 'utf8');
  const label = `${corpus.name}${corpus.name === String(corpus.count) ? '' : ` (${corpus.count})`}`;
  for (let run = 0; run < runs; run++) {
    rmSync(cacheRoot(ROOT), { recursive: true, force: true });
    rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    writeFileSync(corpus.oldest, oldest);
    rmSync(corpus.next.file, { force: true });
    for (const [list, what, before] of [
      [cold, 'cold', () => {}],
      [noChange, 'no change', () => {}],
      [oneEdit, 'one edit', () => writeFileSync(corpus.oldest, `${oldest}\nEdited in run ${run}.\n`)],
      [newEdition, 'new edition', () => writeFileSync(corpus.next.file, corpus.next.text)],
    ] as const) {
      before();
      const result = await build(corpus);
      list.push(result.seconds);
      peak = Math.max(peak, result.peakMiB);
      peakSum = Math.max(peakSum, result.peakSumMiB);
      const memory = `largest process ${result.peakMiB.toFixed(0)} MiB, all ${result.peakSumMiB.toFixed(0)} MiB`;
      console.log(`${label} run ${run + 1}, ${what}: ${result.seconds.toFixed(1)} s, ${memory}`);
      for (const line of result.cpuLines) console.log(`  ${line}`);
      if (list === cold && run === runs - 1) figures = await siteFigures(corpus);
    }
    rmSync(corpus.next.file, { force: true });
    writeFileSync(corpus.oldest, oldest);
    // `npm run dev` as the build left the caches, then as a fresh checkout meets it.
    devWarm.push(await measureDev(corpus.folder, corpus.newest.number, corpus.newest.file));
    rmSync(cacheRoot(ROOT), { recursive: true, force: true });
    rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    devCold.push(await measureDev(corpus.folder, corpus.newest.number, corpus.newest.file));
    const dev = (t: DevTimes) => `first page ${t.firstPage.toFixed(1)} s, edit visible ${t.editVisible.toFixed(2)} s`;
    console.log(
      `${label} run ${run + 1}: dev, warm caches: ${dev(devWarm.at(-1)!)}; cold caches: ${dev(devCold.at(-1)!)}`,
    );
    // The peers between our runs, so all see the same machine.
    if (eleventy) {
      eleventyTimes.push(eleventyBuild(eleventy, corpus));
      console.log(`${label} run ${run + 1}: Eleventy ${eleventyTimes.at(-1)!.toFixed(1)} s`);
    }
    if (pelican) {
      pelicanTimes.push(pelicanBuild(pelican, corpus));
      console.log(`${label} run ${run + 1}: Pelican ${pelicanTimes.at(-1)!.toFixed(1)} s`);
    }
  }
  const c = median(cold);
  const share = (xs: number[]) => `${median(xs).toFixed(1)} (${Math.round((median(xs) / c) * 100)}%)`;
  const [pages, ...rest] = figures;
  const row = [
    new Date().toISOString().slice(0, 10),
    label,
    runs,
    c.toFixed(1),
    peerCell(eleventyTimes, c),
    peerCell(pelicanTimes, c),
    share(noChange),
    share(oneEdit),
    share(newEdition),
    `${peak.toFixed(0)} / ${peakSum.toFixed(0)} MiB`,
    `${median(devWarm.map((t) => t.firstPage)).toFixed(1)} / ${median(devCold.map((t) => t.firstPage)).toFixed(1)}`,
    `${median(devWarm.map((t) => t.editVisible)).toFixed(2)} / ${median(devCold.map((t) => t.editVisible)).toFixed(2)}`,
    (Number(pages) / c).toFixed(0),
    ...rest,
    machine,
  ];
  console.log(row.join(' | '));
  appendFileSync(join(ROOT, 'bench/RESULTS.md'), `| ${row.join(' | ')} |\n`);
}

try {
  if (values.editions !== undefined) await benchmark(archiveCorpus(values.editions));
  else
    for (const n of positionals.length ? positionals.map(Number) : [100, 1000, 3000])
      await benchmark(syntheticCorpus(n));
} catch (error) {
  // A build that fails here prints its own lines above; this says which step stopped, without a stack trace.
  console.error(`bench: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
