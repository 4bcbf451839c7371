/**
 * The version of the code a cache depends on, derived from the imports
 * themselves: a hash of every source file reachable from an entry module
 * through relative imports, and of the lock file. Moving or adding a file
 * that the entry imports changes the version; a file it does not import
 * does not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every source file `entry` reaches through relative imports (itself included), in a stable order. */
export function sourceFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!/\.(ts|astro|js|mjs)$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      queue.push(resolve(dirname(file), match[1]!));
    }
  }
  return [...seen].sort();
}

/**
 * A hash of `extra`, every file `entry` imports (directly or not, by path
 * relative to `root` and by content) and `root/package-lock.json`.
 */
export function sourceVersion(root: string, entry: string, extra = ''): string {
  const hash = createHash('sha256').update(extra);
  for (const file of sourceFiles(join(root, entry))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  }
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}
