/**
 * The build's processes as `/proc` shows them, for `npm run bench`: each
 * one's resident memory, and its CPU over time, sampled every 100 ms. The
 * CPU lines show which process keeps a core busy and where one waits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** One process of the tree at one sample. */
interface Sample {
  pid: number;
  name: string;
  rssMiB: number;
  /** CPU time used so far (user and system), seconds. */
  cpu: number;
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** A process's name as a reader knows it: the script or program it runs (`compile-worker.ts`, `astro.mjs`, `pagefind`). */
function processName(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const script = args.slice(1).find((a) => /\.(m?[jt]s|cjs)$/.test(a));
  // A process that set its title (Astro's) has no arguments left to read; its name is then in `comm`.
  return basename(script ?? args[0] ?? readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
}

/** `pid` and every process under it, now. */
function sampleTree(root: number): Sample[] {
  const all: (Sample & { parent: number })[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.push({
        pid,
        parent: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]),
        name: processName(pid),
        rssMiB: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024,
        cpu: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // Gone since the listing.
    }
  }
  const parent = new Map(all.map((p) => [p.pid, p.parent]));
  const inTree = (p: number): boolean => p === root || (p > 1 && parent.has(p) && inTree(parent.get(p)!));
  return all.filter((p) => inTree(p.pid));
}

/** Samples a process tree every 100 ms until stopped: peak memory, and each process's CPU per second. */
export class TreeSampler {
  peakMiB = 0;
  peakSumMiB = 0;
  private readonly started = performance.now();
  private readonly seen = new Map<number, { name: string; start: number; cpu: number[]; peakMiB: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(root: number) {
    this.timer = setInterval(() => this.sample(root), 100);
  }

  private sample(root: number): void {
    const tree = sampleTree(root);
    const second = Math.floor((performance.now() - this.started) / 1000);
    this.peakMiB = Math.max(this.peakMiB, ...tree.map((p) => p.rssMiB));
    this.peakSumMiB = Math.max(
      this.peakSumMiB,
      tree.reduce((sum, p) => sum + p.rssMiB, 0),
    );
    for (const p of tree) {
      const seen = this.seen.get(p.pid) ?? { name: p.name, start: second, cpu: [], peakMiB: 0 };
      seen.name = p.name;
      seen.peakMiB = Math.max(seen.peakMiB, p.rssMiB);
      // The CPU used up to each second; a process's first sample counts from its start.
      seen.cpu[second] = p.cpu;
      this.seen.set(p.pid, seen);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * One line per process that used at least 0.2 s of CPU: its name, CPU
   * seconds, peak resident memory, and a mark per second of wall time (per
   * few seconds in a long build, at most 100 marks) for how busy it kept one
   * core (blank idle, █ a whole core).
   */
  cpuLines(): string[] {
    const marks = ' ▁▂▃▄▅▆▇█';
    const seconds = Math.max(1, ...[...this.seen.values()].map((p) => p.cpu.length));
    const step = Math.ceil(seconds / 100);
    const lines: string[] = [];
    for (const { name, start, cpu, peakMiB } of [...this.seen.values()].sort((a, b) => a.start - b.start)) {
      const total = cpu.findLast((c) => c !== undefined) ?? 0;
      if (total < 0.2) continue;
      // CPU used by the end of each second, carried over seconds without a sample.
      const used: number[] = [];
      for (let s = 0, last = 0; s < cpu.length; s++) used[s] = last = s < start ? 0 : (cpu[s] ?? last);
      let line = '';
      for (let s = 0; s < cpu.length; s += step) {
        const end = Math.min(cpu.length, s + step) - 1;
        const busy = ((used[end] ?? 0) - (s > 0 ? (used[s - 1] ?? 0) : 0)) / (end - s + 1);
        line += end < start ? ' ' : marks[Math.min(8, Math.round(busy * 8))];
      }
      lines.push(
        `${name.padEnd(20)} ${total.toFixed(1).padStart(6)} s CPU ${peakMiB.toFixed(0).padStart(5)} MiB |${line}`,
      );
    }
    return lines;
  }
}
