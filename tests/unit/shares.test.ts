import { describe, expect, it } from 'vitest';
import { balance, inItemOrder, split } from '../../src/processes/shares.ts';

// An archive as it grows: early editions short, later ones five times longer (This Week in Rust, 2013 to 2025).
const archive = Array.from({ length: 600 }, (_, i) => ({ file: `e${i}.md`, bytes: 8_000 + i * 70 }));
const weight = (e: { bytes: number }) => e.bytes;
const total = (share: { bytes: number }[]) => share.reduce((sum, e) => sum + e.bytes, 0);

describe('splitting an archive over two processes', () => {
  it('gives each process about half the work, not half the files', () => {
    const shares = split(archive, { processes: 2 }, weight);
    expect(shares).toHaveLength(2);
    const [a, b] = shares.map(total) as [number, number];
    // Contiguous halves would differ by 2.3× here; balanced, by at most one edition.
    expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(...archive.map(weight)));
  });

  it('puts every file in exactly one share, each share in the files’ order', () => {
    const shares = balance(archive, 3, weight);
    expect(
      shares
        .flat()
        .map((e) => e.file)
        .sort(),
    ).toEqual(archive.map((e) => e.file).sort());
    for (const share of shares)
      expect(share).toEqual([...share].sort((x, y) => archive.indexOf(x) - archive.indexOf(y)));
  });

  it('never makes an empty share, even with more processes than files', () => {
    expect(balance(archive.slice(0, 2), 4, weight).map((s) => s.length)).toEqual([1, 1]);
  });

  it('hands results back in the order of the files', () => {
    const shares = balance(archive, 2, weight);
    const results = shares.map((share) => share.map((e) => e.file.toUpperCase()));
    expect(inItemOrder(archive, shares, results)).toEqual(archive.map((e) => e.file.toUpperCase()));
  });
});
