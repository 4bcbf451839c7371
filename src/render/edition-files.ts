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
 * edition's files to `<out>/editions/<n>/`. An entry the cache cannot give
 * back is made again here. Returns how many editions were written, or the
 * problems that stop the build.
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
  for (const { edition, files } of handoff.planned) {
    collect();
    const folder = join('editions', String(edition.number));
    mkdirSync(join(out, folder), { recursive: true });
    for (const { name, key } of files) {
      try {
        const bytes = store.get(key) ?? (await handoff.make(name, edition));
        writeOutputFile(out, join(folder, name), bytes, previous);
      } catch (error) {
        problems.push(artifactProblem(edition.file, name, `could not be made: ${errorMessage(error)}`));
      }
    }
  }
  return { written: handoff.planned.length, problems };
}
