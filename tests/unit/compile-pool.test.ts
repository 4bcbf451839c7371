import { describe, expect, it } from 'vitest';
import { syntheticEdition } from '../../bench/generate.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileMany, prepareArtifactsInParallel } from '../../src/loader/compile-pool.ts';
import { editionSocialImage } from '../../src/loader/edition-artifacts.ts';
import { SETTINGS } from './helpers.ts';

const jobs = [1, 2, 3, 4, 5].map((n) => ({ file: `e${n}.md`, bytes: new TextEncoder().encode(syntheticEdition(n)) }));
jobs.push({ file: 'bad.md', bytes: new TextEncoder().encode('---\nedition: x\n---\nIntro.\n') });

describe('compiling in child processes', () => {
  it('gives the same results, in order, as compiling in one thread', async () => {
    const threaded = await compileMany(jobs, SETTINGS, { threads: 2, minJobsPerThread: 1 });
    const inline = await compileMany(jobs, SETTINGS, { threads: 1 });
    expect(threaded.map((r) => r.edition?.number ?? r.problems[0]?.field)).toEqual([1, 2, 3, 4, 5, 'date']);
    expect(threaded).toEqual(inline);
  });
});

describe('preparing social images and emails in child processes', () => {
  it('fills the artifact cache the pages read from', async () => {
    const dir = join(process.cwd(), 'node_modules/.cache/newsletter/artifacts');
    const count = () => (existsSync(dir) ? readdirSync(dir).length : 0);
    const stamp = `${process.pid}-${Date.now()}`;
    const compiled = await compileMany(jobs.slice(0, 2), SETTINGS, { threads: 1 });
    const editions = compiled.map((r) => ({ ...r.edition!, headline: `Run ${stamp}` }));
    const before = count();
    await prepareArtifactsInParallel(editions, { threads: 2, minJobsPerThread: 1 });
    expect(count() - before).toBe(6);
    // The page's own call now finds the image made by the child process, under the same key.
    await editionSocialImage(editions[0]!);
    expect(count() - before).toBe(6);
  }, 60_000);
});
