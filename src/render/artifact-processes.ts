/**
 * Making editions' social images and emails in child processes (see
 * `src/processes/`), always: the build's own process never loads what draws
 * them (satori, resvg), and the children run beside Astro while it
 * bundles and renders pages.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Problem } from '../diagnostics/problem.ts';
import type { MadeFiles } from '../handoffs.ts';
import { errorMessage, runShare, type ShareOutcome } from '../processes/child-protocol.ts';
import { balance, inItemOrder, settle } from '../processes/shares.ts';
import type { Edition, EditionSummary } from '../schemas/edition-model.ts';
import { htmlLength, wholeEdition } from '../loader/loaded-editions.ts';
import { ARTIFACTS, editionArtifactFiles } from './artifact-cache.ts';
import { artifactProblem, handOverEditionFiles } from './edition-files.ts';

/**
 * Most editions one process makes images for before a fresh one takes over.
 * The worker frees each image's pixels as it goes (see `artifact-worker.ts`),
 * but what is left still grows with every edition; a fresh process every 500
 * keeps each well under the heap limit for the cost of one more start-up
 * (figures in `bench/RESULTS.md`).
 */
const MAX_PER_PROCESS = 500;
/**
 * How long an edition's files take to make, in characters of its HTML: the
 * emails grow with it, the social image does not (bench/cpu.ts: the image
 * ~26 ms, the emails of an edition of 24,000 characters ~6 ms).
 */
const artifactWeight = (edition: EditionSummary) => 100_000 + htmlLength(edition);
/** Below this many editions per process, a second process costs more than it saves. */
const MIN_PER_PROCESS = 20;

/**
 * Makes each edition's social image and emails in child processes, into the
 * artifact cache. Returns a problem for each file that could not be made
 * (`<file>  email.txt: could not be made: …`) and for an edition whose
 * process died; the editions a dead process did not reach are given to a
 * fresh one.
 */
export async function prepareArtifactsInParallel(
  editions: readonly EditionSummary[],
  options: { processes?: number; worker?: URL } = {},
): Promise<Problem[]> {
  if (editions.length === 0) return [];
  const processes = Math.max(
    1,
    Math.min(options.processes ?? availableParallelism(), Math.floor(editions.length / MIN_PER_PROCESS)),
  );
  const worker = options.worker ?? new URL('./artifact-worker.ts', import.meta.url);
  const size = Math.min(MAX_PER_PROCESS, Math.ceil(editions.length / processes));
  const shares = balance(editions, Math.ceil(editions.length / size), artifactWeight);
  // `processes` at a time, each share in a fresh process.
  const outcomes: ShareOutcome<Problem[]>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(processes, shares.length) }, async () => {
      for (let i = next++; i < shares.length; i = next++) {
        outcomes[i] = await runShare<Edition, null, Problem[]>(
          worker,
          // Each share's editions whole only until its process is done with them (up to 500 at a time).
          { jobs: shares[i]!.map(wholeEdition), context: null },
          { execArgv: ['--expose-gc'] },
        );
      }
    }),
  );
  const results = shares.map((share, s) =>
    settle<EditionSummary, Problem[] | undefined>(share, outcomes[s]!, {
      fail: (edition, message) => [artifactProblem(edition.file, 'artifacts', `could not be made: ${message}`)],
      crashed: (edition, how) => [
        artifactProblem(
          edition.file,
          'artifacts',
          `the process making this edition's social image and emails stopped (${how})`,
        ),
      ],
      // Not reached by a process that died: given to a fresh one below.
      redo: () => undefined,
    }),
  );
  const ordered = inItemOrder(editions, shares, results);
  const left = editions.filter((_, i) => ordered[i] === undefined);
  // Processes that died before starting anything would die again.
  const again =
    left.length === editions.length
      ? left.map((edition) => [artifactProblem(edition.file, 'artifacts', 'could not be made: no process could start')])
      : await prepareArtifactsInParallel(left, options).then((problems) => [problems]);
  return [...ordered.filter((r) => r !== undefined), ...again].flat();
}

/**
 * In a production build, once the editions are loaded: starts making the
 * files of `editions` the artifact cache does not hold, and hands them over
 * to the edition-files integration (`edition-files.ts`), which writes them
 * all at the end. Returns at once.
 */
export function startEditionFiles(editions: readonly EditionSummary[], root = process.cwd()): void {
  const store = ARTIFACTS.at(root);
  const planned = editions.map((edition) => ({ edition, files: editionArtifactFiles(edition, root) }));
  const missing = planned.filter((p) => p.files.some((f) => !existsSync(store.file(f.key)))).map((p) => p.edition);
  const made = prepareArtifactsInParallel(missing).catch((error: unknown) => [
    artifactProblem(missing[0]?.file ?? '.', 'artifacts', `could not be made: ${errorMessage(error)}`),
  ]);
  handOverEditionFiles({
    root,
    planned,
    made,
    // Entries damaged since they were checked, or a cache that kept none: made again, handed back whole.
    make: async (wanted, each) => {
      const worker = new URL('./artifact-worker.ts', import.meta.url);
      for (let i = 0; i < wanted.length; i += MAX_PER_PROCESS) {
        const share = wanted.slice(i, i + MAX_PER_PROCESS);
        const outcome = await runShare<Edition, 'bytes', MadeFiles>(
          worker,
          { jobs: share.map(wholeEdition), context: 'bytes' },
          { execArgv: ['--expose-gc'] },
        );
        for (const [j, files] of outcome.results) each(share[j]!, files);
      }
    },
  });
}
