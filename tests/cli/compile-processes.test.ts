import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { join } from 'node:path';
import { formatProblem } from '../../src/diagnostics/format.ts';
import { compileMany } from '../../src/loader/compile-processes.ts';
import { prepareArtifactsInParallel } from '../../src/render/artifact-processes.ts';
import { editionSocialImage } from '../../src/render/artifacts.ts';
import { compileEdition } from '../../src/loader/compile-edition.ts';
import { SETTINGS } from '../support/compile.ts';
import { ARTIFACTS } from '../../src/render/artifact-cache.ts';

// This file's own cache root (inherited by the child processes), so the files it counts are its own.
process.env['NEWSLETTER_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'compile-processes-cache-'));
afterAll(() => rmSync(process.env['NEWSLETTER_CACHE_DIR']!, { recursive: true, force: true }));

const jobs = [1, 2, 3, 4, 5].map((n) => ({ file: `e${n}.md`, bytes: new TextEncoder().encode(syntheticEdition(n)) }));
jobs.push({ file: 'bad.md', bytes: new TextEncoder().encode('---\nedition: x\n---\nIntro.\n') });

describe('compiling in child processes', () => {
  it('gives the same results, in order, as compiling in one thread', async () => {
    const threaded = await compileMany(jobs, SETTINGS, { processes: 2, minJobsPerProcess: 1 });
    const inline = await compileMany(jobs, SETTINGS, { processes: 1 });
    expect(threaded.map((r) => r.edition?.number ?? r.problems[0]?.field)).toEqual([1, 2, 3, 4, 5, 'date']);
    expect(threaded).toEqual(inline);
  });
});

describe('a file that breaks the compiler never hides another file', () => {
  const failing = new URL('./workers/failing-compile-worker.ts', import.meta.url);
  const text = (n: number, marker = '') =>
    new TextEncoder().encode(`---\nedition: ${n}\ndate: 2026-01-0${n}\n---\n\nIntro ${marker}.\n`);
  const share = [
    { file: 'a.md', bytes: text(1) },
    { file: 'throws.md', bytes: text(2, 'THROW') },
    { file: 'b.md', bytes: new TextEncoder().encode('---\nedition: x\n---\nIntro.\n') },
    { file: 'c.md', bytes: text(3) },
    { file: 'crashes.md', bytes: text(4, 'CRASH') },
    { file: 'd.md', bytes: text(5) },
  ];

  it('reports the file that threw or killed its process, and compiles the rest of its share here', async () => {
    const results = await compileMany(share, SETTINGS, { processes: 2, minJobsPerProcess: 1, worker: failing });
    expect(results.map((r) => r.edition?.number ?? null)).toEqual([1, null, null, 3, null, 5]);
    expect(results.flatMap((r) => r.problems).map(formatProblem)).toEqual([
      'throws.md  file: could not be compiled: boom\\n::warning::injected; this is a bug in the site generator, please report it',
      'b.md:1  date: missing; expected an ISO 8601 date or date-time',
      'b.md:2  edition: expected a whole number, 0 or more, got "x"',
      'crashes.md  file: could not be compiled: the process compiling it stopped (it exited with code 3); this is a bug in the site generator, please report it',
    ]);
  });

  it("turns an exception into that file's problem when compiling in this process too", async () => {
    const results = await compileMany(share.slice(0, 2), SETTINGS, {
      processes: 1,
      compile: (file, bytes, settings) => {
        if (file === 'a.md') throw new TypeError('cannot read properties of undefined');
        return compileEdition(file, bytes, settings);
      },
    });
    expect(results[0]!.problems.map(formatProblem)).toEqual([
      'a.md  file: could not be compiled: cannot read properties of undefined; this is a bug in the site generator, please report it',
    ]);
    expect(results[1]!.edition?.number).toBe(2);
  });
});

describe('preparing social images and emails in child processes', () => {
  it('fills the artifact cache the pages read from', async () => {
    const dir = ARTIFACTS.at().folder;
    const count = () => (existsSync(dir) ? readdirSync(dir).length : 0);
    const stamp = `${process.pid}-${Date.now()}`;
    const compiled = await compileMany(jobs.slice(0, 2), SETTINGS, { processes: 1 });
    const editions = compiled.map((r) => ({ ...r.edition!, headline: `Run ${stamp}` }));
    const before = count();
    expect(await prepareArtifactsInParallel(editions, { processes: 2 })).toEqual([]);
    expect(count() - before).toBe(6);
    // The page's own call now finds the image made by the child process, under the same key.
    await editionSocialImage(editions[0]!);
    expect(count() - before).toBe(6);
  }, 60_000);
});

describe('a process making images and emails that dies', () => {
  it('names the edition it was working on, and the others are still made', async () => {
    const stamp = `${process.pid}-${Date.now()}-crash`;
    const compiled = await compileMany(jobs.slice(0, 4), SETTINGS, { processes: 1 });
    const editions = compiled.map((r, i) => ({ ...r.edition!, headline: i === 0 ? 'CRASH' : `Run ${stamp}` }));
    const dir = ARTIFACTS.at().folder;
    const before = existsSync(dir) ? readdirSync(dir).length : 0;
    const problems = await prepareArtifactsInParallel(editions, {
      processes: 2,
      worker: new URL('./workers/failing-artifact-worker.ts', import.meta.url),
    });
    expect(problems.map(formatProblem)).toEqual([
      "e1.md  artifacts: the process making this edition's social image and emails stopped (it was killed by SIGKILL); this is a bug in the site generator, please report it",
    ]);
    // e2, e3 and e4 (left by the dead process, made by a fresh one): three files each.
    expect(readdirSync(dir).length - before).toBe(9);
  }, 60_000);
});

/** True while a process runs (an exited one nobody has reaped yet is a zombie, "Z", and no longer runs). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('a worker whose parent is stopped', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'exits quietly when its parent gets %s, with no stack trace',
    async (signal) => {
      const parent = spawn(process.execPath, [fileURLToPath(new URL('./workers/share-parent.ts', import.meta.url))], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The worker shares the parent's output pipes: they close only when the worker has exited too.
      const closed = new Promise((resolve) => parent.stdout.on('close', resolve));
      const worker = await new Promise<number>((resolve) =>
        parent.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (/^\d+\n/.test(stdout)) resolve(Number.parseInt(stdout, 10));
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      parent.kill(signal);
      await closed;
      // Its pipes close as it exits, a moment before the kernel lists it as gone: give it that moment, no more.
      for (let wait = 0; running(worker) && wait < 20; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(running(worker)).toBe(false);
      expect(stderr).toBe('');
    },
  );
});
