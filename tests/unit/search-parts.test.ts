import { describe, expect, it } from 'vitest';
import { isMergedIndexFile, MAX_SEARCH_PARTS, searchPartSize, searchParts } from '../../src/render/search-parts.ts';

describe('the search index in parts', () => {
  it('cuts the editions, in number order, into parts of the given size; the first is the main bundle', () => {
    const numbers = Array.from({ length: 2500 }, (_, i) => 2500 - i);
    const parts = searchParts(
      numbers.map((number) => ({ number })),
      1000,
    );
    expect(parts.map((part) => part.dir)).toEqual(['', 'parts/2', 'parts/3']);
    expect(parts.map((part) => part.editions.length)).toEqual([1000, 1000, 500]);
    expect(parts.map((part) => [part.editions[0]!.number, part.editions.at(-1)!.number])).toEqual([
      [1, 1000],
      [1001, 2000],
      [2001, 2500],
    ]);
  });

  it('gives a site of up to 250 editions one part, and one without editions an empty main bundle', () => {
    expect(searchParts(Array.from({ length: 250 }, (_, i) => ({ number: i + 1 })))).toHaveLength(1);
    expect(searchParts([])).toEqual([{ dir: '', editions: [] }]);
  });

  it('keeps parts small, so an edit indexes few pages again, and doubles their size rather than make a search merge more than ten', () => {
    const sizes = [1, 250, 251, 1000, 2500, 2501, 3000, 10_000, 10_001, 25_000].map((count) => [
      count,
      searchPartSize(count),
    ]);
    expect(sizes).toEqual([
      [1, 250],
      [250, 250],
      [251, 250],
      [1000, 250],
      [2500, 250],
      [2501, 500],
      [3000, 500],
      [10_000, 1000],
      [10_001, 2000],
      [25_000, 4000],
    ]);
    for (const [count] of sizes) {
      expect(searchParts(Array.from({ length: count! }, (_, i) => ({ number: i + 1 }))).length).toBeLessThanOrEqual(
        MAX_SEARCH_PARTS,
      );
    }
    expect(
      searchParts(Array.from({ length: 1000 }, (_, i) => ({ number: i + 1 }))).map((p) => p.editions.length),
    ).toEqual([250, 250, 250, 250]);
  });

  it('a new edition past a full part starts the next part and leaves the others as they were', () => {
    const before = searchParts(
      Array.from({ length: 4 }, (_, i) => ({ number: i + 1 })),
      2,
    );
    const after = searchParts(
      Array.from({ length: 5 }, (_, i) => ({ number: i + 1 })),
      2,
    );
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[2]).toEqual({ dir: 'parts/3', editions: [{ number: 5 }] });
  });

  it("keeps of a merged part only its index, not Pagefind's script, styles or WebAssembly", () => {
    const kept = [
      'pagefind-entry.json',
      'pagefind.en-us_be6781b2b7158.pf_meta',
      'index/en-us_1a2b.pf_index',
      'fragment/en-us_3c4d.pf_fragment',
      'filter/en-us_5e6f.pf_filter',
    ];
    const dropped = [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-ui.css',
      'wasm.en-us.pagefind',
      'wasm.unknown.pagefind',
    ];
    expect(kept.filter(isMergedIndexFile)).toEqual(kept);
    expect(dropped.filter(isMergedIndexFile)).toEqual([]);
  });
});
