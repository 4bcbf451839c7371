/**
 * Most files of a rebuild are the previous build's, byte for byte: every
 * cached edition page, image and email. `npm run build` writes a whole new
 * site beside the old one and swaps it in (so nothing is half-published), and
 * writing every file again, then deleting the old copy, was a good part of a
 * one-edit rebuild (figures in `bench/RESULTS.md`). A file whose bytes the previous output
 * already holds is hard-linked from it instead: the new site still has every
 * file, and the old one can still be kept or deleted as a whole. The bytes
 * are compared, never assumed. Where links are not possible (another file
 * system, no previous output) the file is written.
 *
 * `scripts/build.ts` names the previous output (a hand-off, `previousOutput()`
 * in `src/handoffs.ts`); the writers pass it here.
 */
import { linkSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `bytes` to `path` under `out`, linked from the previous output when it holds the same bytes. */
export function writeOutputFile(out: string, path: string, bytes: Uint8Array, previous: string | undefined): void {
  const file = join(out, path);
  if (previous) {
    const old = join(previous, path);
    try {
      if (readFileSync(old).equals(bytes)) {
        linkSync(old, file);
        return;
      }
    } catch {
      // Not in the previous output, or not linkable here: write it.
    }
  }
  writeFileSync(file, bytes);
}
