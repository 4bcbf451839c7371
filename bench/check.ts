/**
 * `npm run bench:check`: times `npm run check` over N synthetic editions —
 * cold (empty render cache), warm (nothing changed) and after editing one
 * edition — median of 3 runs each, and appends the figures to bench/RESULTS.md.
 *
 *   npm run bench:check -- 1000
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './generate.ts';
import { cacheRoot } from '../src/cache/named-cache.ts';

const ROOT = join(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? 1000);
const dir = `bench/.corpus/${count}`;
const cacheDir = cacheRoot(ROOT);

function timeCheck(): number {
  const start = performance.now();
  execFileSync(process.execPath, ['scripts/check.ts', '--dir', dir], { cwd: ROOT, stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

writeCorpus(join(ROOT, dir), count);
const cold: number[] = [];
const warm: number[] = [];
const edited: number[] = [];
for (let run = 0; run < 3; run++) {
  rmSync(cacheDir, { recursive: true, force: true });
  cold.push(timeCheck());
  warm.push(timeCheck());
  const file = join(ROOT, dir, '2020-01-01-edition-1.md');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited in run ${run}.\n`);
  edited.push(timeCheck());
}
const row = `| ${new Date().toISOString().slice(0, 10)} | check | ${count} | ${median(cold).toFixed(2)} | ${median(warm).toFixed(2)} | ${median(edited).toFixed(2)} | ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} |`;
console.log(row);
appendFileSync(join(ROOT, 'bench/RESULTS.md'), `${row}\n`);
