/** Making editions' social images and emails in child processes (see `src/processes/`). */
import { BUG, type Problem } from '../diagnostics/problem.ts';
import { runShare, type ShareOutcome } from '../processes/child-protocol.ts';
import { settle, split } from '../processes/shares.ts';
import type { Edition } from '../schemas/edition-model.ts';
import { prepareEditionArtifacts } from './artifacts.ts';

/**
 * Most editions one process makes images for before a fresh one takes over.
 * The worker frees each image's pixels as it goes (see `artifact-worker.ts`),
 * but what is left still grows by about 0.4 MB per edition (measured: 400
 * editions, 480 MB); a fresh process every 500 keeps each well under 1 GiB
 * for about 0.3 s of start-up each.
 */
const MAX_PER_PROCESS = 500;

/**
 * Makes each edition's social image and emails in child processes, into the
 * artifact cache, so that Astro's page loop (one core) only reads them. Does
 * nothing when there are too few editions to be worth it: the pages then
 * make them as they go. Returns a problem for each file that could not be
 * made (`<file>  email.txt: could not be made: …`) and for an edition whose
 * process died; the editions a dead process did not reach are made here.
 */
export async function prepareArtifactsInParallel(
  editions: readonly Edition[],
  options: { processes?: number; minJobsPerProcess?: number; worker?: URL } = {},
): Promise<Problem[]> {
  const processes = split(editions, options).length;
  const worker = options.worker ?? new URL('./artifact-worker.ts', import.meta.url);
  const size = Math.min(MAX_PER_PROCESS, Math.ceil(editions.length / Math.max(processes, 1)));
  const shares = processes
    ? Array.from({ length: Math.ceil(editions.length / size) }, (_, i) => editions.slice(i * size, (i + 1) * size))
    : [];
  // `processes` at a time, each share in a fresh process.
  const outcomes: ShareOutcome<Problem[]>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: processes }, async () => {
      for (let i = next++; i < shares.length; i = next++) {
        outcomes[i] = await runShare<Edition, null, Problem[]>(
          worker,
          { jobs: shares[i]!, context: null },
          { execArgv: ['--expose-gc'] },
        );
      }
    }),
  );
  const results = await Promise.all(
    shares.flatMap((share, s) =>
      settle<Edition, Problem[] | Promise<Problem[]>>(share, outcomes[s]!, {
        fail: (edition, message) => [artifactProblem(edition.file, 'artifacts', `could not be made: ${message}`)],
        crashed: (edition, how) => [
          artifactProblem(
            edition.file,
            'artifacts',
            `the process making this edition's social image and emails stopped (${how})`,
          ),
        ],
        redo: (edition) => prepareEditionArtifacts(edition),
      }),
    ),
  );
  return results.flat();
}

/** A problem with one of an edition's generated files. */
export function artifactProblem(file: string, field: string, message: string): Problem {
  return { file, field, message: `${message}; ${BUG}`, severity: 'error' };
}

/**
 * Makes every edition's social image and emails before Astro renders pages:
 * on both cores when there are enough editions, else here, one by one. Either
 * way a file that cannot be made is a problem line, never a stack trace
 * from inside Astro's page loop.
 */
export async function prepareAllArtifacts(editions: readonly Edition[]): Promise<Problem[]> {
  const parallel = split(editions, {});
  if (parallel.length) return prepareArtifactsInParallel(editions);
  const problems: Problem[] = [];
  for (const edition of editions) problems.push(...(await prepareEditionArtifacts(edition)));
  return problems;
}
