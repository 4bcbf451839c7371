/**
 * `npm run bench`: builds the full site (pages, feeds, topics, emails,
 * images, search index — everything `npm run build` does) over N synthetic
 * editions and reports, per N: cold build, rebuild with no change, rebuild
 * after editing one edition (medians of the runs), peak memory, pages per
 * second, `dist/` size, an edition page's bytes raw and gzipped, and the
 * search index size and bytes a first query downloads. The minimal Eleventy
 * site of `../shared/bench-peers/eleventy/` builds the same editions in the
 * same run, alternately with ours, and the row gives the ratio. Appends a
 * row per N to bench/RESULTS.md.
 *
 *   npm run bench                      # N = 100, 1000, 3000; 3 runs each
 *   npm run bench -- 1000 --runs 1     # one size, one run
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { allFiles } from '../tests/support/html.ts';
import { writeCorpus } from './generate.ts';
import { firstQueryBytes } from './search-bytes.ts';

const ROOT = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const sizes = positionals.length ? positionals.map(Number) : [100, 1000, 3000];
const runs = Number(values.runs);

/** One `npm run build` of the corpus: wall seconds and peak resident memory (MiB) from /usr/bin/time. */
function build(n: number): { seconds: number; peakMiB: number } {
  const timeFile = join(ROOT, 'bench/.out/time.txt');
  mkdirSync(dirname(timeFile), { recursive: true });
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, 'scripts/build.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      EDITIONS_DIR: `bench/.corpus/${n}/editions`,
      OUT_DIR: `bench/.out/${n}`,
      BUILD_DATE: '2030-01-01T00:00:00Z',
    },
  });
  const [seconds, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  return { seconds: seconds!, peakMiB: kb! / 1024 };
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
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    rmSync(join(ROOT, 'node_modules/.cache/newsletter'), { recursive: true, force: true });
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
      const result = build(n);
      list.push(result.seconds);
      peak = Math.max(peak, result.peakMiB);
      console.log(`N=${n} run ${run + 1}: ${result.seconds.toFixed(1)} s, ${result.peakMiB.toFixed(0)} MiB`);
    }
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
    `${peak.toFixed(0)} MiB`,
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
