import { describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { compileMany } from '../../src/loader/compile-pool.ts';
import { SETTINGS } from './helpers.ts';

describe('compiling in worker threads', () => {
  const jobs = [1, 2, 3, 4, 5].map((n) => ({ file: `e${n}.md`, bytes: new TextEncoder().encode(syntheticEdition(n)) }));
  jobs.push({ file: 'bad.md', bytes: new TextEncoder().encode('---\nedition: x\n---\nIntro.\n') });

  it('gives the same results, in order, as compiling in one thread', async () => {
    const threaded = await compileMany(jobs, SETTINGS, { threads: 2, minJobsPerThread: 1 });
    const inline = await compileMany(jobs, SETTINGS, { threads: 1 });
    expect(threaded.map((r) => r.edition?.number ?? r.problems[0]?.field)).toEqual([1, 2, 3, 4, 5, 'date']);
    expect(threaded).toEqual(inline);
  });
});
