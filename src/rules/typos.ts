/** Likely typos: which known word an unknown one was probably meant to be. */

/**
 * The closest of `candidates` to `word`, when it is close enough to be a
 * likely typo: at most `within` edits (default: 2, or a third of the word).
 */
export function closest(word: string, candidates: readonly string[], within?: number): string | undefined {
  let best: string | undefined;
  let bestDistance = (within ?? Math.max(2, Math.floor(word.length / 3))) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
