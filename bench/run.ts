/**
 * `npm run bench`: builds the full site (pages, feeds, topics, emails,
 * images, search index — everything `npm run build` does) over N synthetic
 * editions and reports, per N: cold build, rebuild with no change, rebuild
 * after editing one edition (medians of the runs), peak memory (the largest
 * process, and all the build's processes together), `npm run dev`'s first
 * page (with the caches a build leaves, and with none) and how soon a saved
 * edit shows in the browser, pages per second, `dist/` size, an edition page's bytes raw and gzipped, and the
 * search index size and bytes a first query downloads. The minimal Eleventy
 * site of `../shared/bench-peers/eleventy/` builds the same editions in the
 * same run, alternately with ours, and the row gives the ratio. Appends a
 * row per N to bench/RESULTS.md.
 *
 *   npm run bench                      # N = 100, 1000, 3000; 3 runs each
 *   npm run bench -- 1000 --runs 1     # one size, one run
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
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { allFiles } from '../tests/support/html.ts';
import { measureDev, type DevTimes } from './dev.ts';
import { syntheticEditionDate, writeCorpus } from './generate.ts';
import { cacheRoot } from '../src/cache/named-cache.ts';
import { firstQueryBytes } from './search-bytes.ts';

const ROOT = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const sizes = positionals.length ? positionals.map(Number) : [100, 1000, 3000];
const runs = Number(values.runs);

/** Resident memory (MiB) of `pid` and every process under it, from `/proc`: the largest one and the sum. */
function treeMemory(pid: number): { largest: number; sum: number } {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // Gone since the listing.
    }
  }
  const inTree = (p: number): boolean => p === pid || (parent.has(p) && p > 1 && inTree(parent.get(p)!));
  const sizes = [...rss].filter(([p]) => inTree(p)).map(([, mib]) => mib);
  return { largest: Math.max(0, ...sizes), sum: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * One `npm run build` of the corpus: wall seconds, and peak resident memory
 * (MiB) of the largest process and of all its processes together, sampled
 * every 100 ms.
 */
async function build(n: number): Promise<{ seconds: number; peakMiB: number; peakSumMiB: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      EDITIONS_DIR: `bench/.corpus/${n}/editions`,
      OUT_DIR: `bench/.out/${n}`,
      BUILD_DATE: '2030-01-01T00:00:00Z',
    },
  });
  let peakMiB = 0;
  let peakSumMiB = 0;
  const sampler = setInterval(() => {
    const { largest, sum } = treeMemory(child.pid!);
    [peakMiB, peakSumMiB] = [Math.max(peakMiB, largest), Math.max(peakSumMiB, sum)];
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the build of ${n} editions failed (exit ${code}); run it alone to see why`);
  return { seconds: (performance.now() - start) / 1000, peakMiB, peakSumMiB };
}

const PEER_SOURCE = join(ROOT, '../shared/bench-peers/eleventy');
const PEER = join(ROOT, 'bench/.peer');

/** The Eleventy peer, copied beside the benchmark with its packages installed (once); null when it is not there. */
function preparePeer(): string | null {
  if (!existsSync(PEER_SOURCE)) return null;
  if (!existsSync(join(PEER, 'node_modules/@11ty/eleventy'))) {
    rmSync(PEER, { recursive: true, force: true });
    cpSync(PEER_SOURCE, PEER, { recursive: true });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: PEER, stdio: 'ignore' });
  }
  return PEER;
}

/** One Eleventy build of the peer over the corpus `n`: wall seconds. */
function peerBuild(peer: string, n: number): number {
  const editions = join(peer, 'content/editions');
  for (const name of readdirSync(editions)) if (name.endsWith('.md')) rmSync(join(editions, name));
  cpSync(join(ROOT, `bench/.corpus/${n}/editions`), editions, { recursive: true });
  rmSync(join(peer, '_site'), { recursive: true, force: true });
  const start = performance.now();
  execFileSync(process.execPath, [join(peer, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet'], {
    cwd: peer,
    stdio: 'ignore',
  });
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/** Benchmarks one corpus size and appends its row. */
async function benchmark(n: number): Promise<void> {
  const corpus = join(ROOT, `bench/.corpus/${n}/editions`);
  writeCorpus(corpus, n);
  const peer = preparePeer();
  const peerTimes: number[] = [];
  const cold: number[] = [];
  const noChange: number[] = [];
  const oneEdit: number[] = [];
  const devCold: DevTimes[] = [];
  const devWarm: DevTimes[] = [];
  let peak = 0;
  let peakSum = 0;
  const newestFile = join(corpus, `${syntheticEditionDate(n)}-edition-${n}.md`);
  for (let run = 0; run < runs; run++) {
    rmSync(cacheRoot(ROOT), { recursive: true, force: true });
    rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    for (const [list, before] of [
      [cold, () => {}],
      [noChange, () => {}],
      [
        oneEdit,
        () =>
          writeFileSync(
            join(corpus, `2020-01-01-edition-1.md`),
            `${readFileSync(join(corpus, '2020-01-01-edition-1.md'), 'utf8')}\nEdited in run ${run}.\n`,
          ),
      ],
    ] as const) {
      before();
      const result = await build(n);
      list.push(result.seconds);
      peak = Math.max(peak, result.peakMiB);
      peakSum = Math.max(peakSum, result.peakSumMiB);
      const memory = `largest process ${result.peakMiB.toFixed(0)} MiB, all ${result.peakSumMiB.toFixed(0)} MiB`;
      console.log(`N=${n} run ${run + 1}: ${result.seconds.toFixed(1)} s, ${memory}`);
    }
    // `npm run dev` as the build left the caches, then as a fresh checkout meets it.
    devWarm.push(await measureDev(`bench/.corpus/${n}/editions`, n, newestFile));
    rmSync(cacheRoot(ROOT), { recursive: true, force: true });
    rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
    devCold.push(await measureDev(`bench/.corpus/${n}/editions`, n, newestFile));
    const dev = (t: DevTimes) => `first page ${t.firstPage.toFixed(1)} s, edit visible ${t.editVisible.toFixed(2)} s`;
    console.log(
      `N=${n} run ${run + 1}: dev, warm caches: ${dev(devWarm.at(-1)!)}; cold caches: ${dev(devCold.at(-1)!)}`,
    );
    // The peer between our runs, so both see the same machine.
    if (peer) {
      peerTimes.push(peerBuild(peer, n));
      console.log(`N=${n} run ${run + 1}: Eleventy ${peerTimes.at(-1)!.toFixed(1)} s`);
    }
  }
  const out = join(ROOT, `bench/.out/${n}`);
  const files = allFiles(out);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  const page = readFileSync(join(out, `editions/${Math.ceil(n / 2)}/index.html`));
  const css = files.filter((f) => f.endsWith('.css') && f.includes('_astro'));
  const pageGz = gzipSync(page).length + css.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  const index = size(files.filter((f) => f.includes('/pagefind/')));
  const query = await firstQueryBytes(out, 'inference');
  const c = median(cold);
  const peerMedian = peerTimes.length ? median(peerTimes) : null;
  const row = [
    new Date().toISOString().slice(0, 10),
    n,
    runs,
    c.toFixed(1),
    peerMedian === null ? 'n/a' : `${peerMedian.toFixed(1)} (${(c / peerMedian).toFixed(1)}×)`,
    `${median(noChange).toFixed(1)} (${Math.round((median(noChange) / c) * 100)}%)`,
    `${median(oneEdit).toFixed(1)} (${Math.round((median(oneEdit) / c) * 100)}%)`,
    `${peak.toFixed(0)} / ${peakSum.toFixed(0)} MiB`,
    `${median(devWarm.map((t) => t.firstPage)).toFixed(1)} / ${median(devCold.map((t) => t.firstPage)).toFixed(1)}`,
    `${median([...devWarm, ...devCold].map((t) => t.editVisible)).toFixed(2)}`,
    (pages / c).toFixed(0),
    `${(size(files) / 2 ** 20).toFixed(0)} MiB`,
    `${kib(page.length)} / ${kib(pageGz)}`,
    `${(index / 2 ** 20).toFixed(1)} MiB`,
    query === null ? 'n/a' : kib(query),
    machine,
  ];
  console.log(row.join(' | '));
  appendFileSync(join(ROOT, 'bench/RESULTS.md'), `| ${row.join(' | ')} |\n`);
}

try {
  for (const n of sizes) await benchmark(n);
} catch (error) {
  // A build that fails here prints its own lines above; this says which step stopped, without a stack trace.
  console.error(`bench: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}
