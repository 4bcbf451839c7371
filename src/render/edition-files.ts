/**
 * An edition's files besides its page — its social image, HTML and text
 * email — in a production build. The content loader starts making them as
 * soon as the editions are loaded (`startEditionFiles` of
 * `artifact-processes.ts`): only the ones the artifact cache lacks, in child
 * processes while Astro bundles and renders pages. At the end of the build
 * the edition-files integration writes them all into the output from the
 * cache (`writeEditionFiles`, here), so Astro never walks 3,000 routes for
 * them. `npm run dev` serves them from endpoints.
 *
 * The loader and the integration run in one process but in two module
 * graphs (Astro loads the content config apart from the astro config, and
 * closes each loader's module graph once it is loaded), so the work in
 * progress is a hand-off (`src/handoffs.ts`), with the function that makes a
 * file again: this module itself stays light, so the build starts without
 * loading what draws images and emails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutputFile } from '../cache/previous-output.ts';
import { BUG, problem, type Problem } from '../diagnostics/problem.ts';
import { errorMessage } from '../processes/child-protocol.ts';
import { collectGarbageEvery } from '../processes/collect-garbage.ts';
import { ARTIFACTS } from './artifact-cache.ts';
import { handOver, previousOutput, take, type EditionFiles } from '../handoffs.ts';
import type { EditionSummary } from '../schemas/edition-model.ts';

/** Called by the loader once it has started making the files. */
export function handOverEditionFiles(files: EditionFiles): void {
  handOver('edition-files', files);
}

/** A problem with one of an edition's generated files. */
export function artifactProblem(file: string, field: string, message: string): Problem {
  return problem(file, undefined, field, `${message}; ${BUG}`);
}

/**
 * Waits for the files the loader started, then writes every planned
 * edition's files to `<out>/editions/<n>/`. The entries the cache cannot
 * give back (damaged since, or a full or read-only cache that kept none) are
 * made again, all in one go, and written from memory. Returns how many
 * editions were written, or the problems that stop the build.
 */
export async function writeEditionFiles(out: string): Promise<{ written: number; problems: Problem[] }> {
  const handoff = take('edition-files');
  if (!handoff) return { written: 0, problems: [] };
  const failed = await handoff.made;
  if (failed.length) return { written: 0, problems: failed };
  const problems: Problem[] = [];
  const store = ARTIFACTS.at(handoff.root);
  const previous = previousOutput();
  const collect = collectGarbageEvery(100);
  const write = (edition: EditionSummary, name: string, bytes: Uint8Array) => {
    try {
      const folder = join('editions', String(edition.number));
      mkdirSync(join(out, folder), { recursive: true });
      writeOutputFile(out, join(folder, name), bytes, previous);
    } catch (error) {
      problems.push(artifactProblem(edition.file, name, `could not be made: ${errorMessage(error)}`));
    }
  };
  const missing: { edition: EditionSummary; names: string[] }[] = [];
  for (const { edition, files } of handoff.planned) {
    collect();
    const names: string[] = [];
    for (const { name, key } of files) {
      const bytes = store.get(key);
      if (bytes) write(edition, name, bytes);
      else names.push(name);
    }
    if (names.length) missing.push({ edition, names });
  }
  if (missing.length === 0) return { written: handoff.planned.length, problems };
  let why = 'a fresh process could not make it either';
  const left = new Map(missing.map(({ edition, names }) => [edition, new Set(names)]));
  try {
    await handoff.make([...left.keys()], (edition, files) => {
      for (const name of left.get(edition) ?? []) {
        const bytes = files[name];
        if (!bytes) continue;
        write(edition, name, bytes);
        left.get(edition)!.delete(name);
      }
    });
  } catch (error) {
    why = errorMessage(error);
  }
  for (const [edition, names] of left)
    for (const name of names) problems.push(artifactProblem(edition.file, name, `could not be made: ${why}`));
  return { written: handoff.planned.length, problems };
}
