/**
 * One cache entry on disk, written whole or not at all and checked when it
 * is read: every cache of the build (compiled editions, images, emails)
 * stores its entries through here, so a process killed mid-write can never
 * publish half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** First bytes of every cache entry: a format tag, then the payload's length and sha256. */
const MAGIC = 'newsletter-cache-1';

/** A cache entry: a one-line header (`newsletter-cache-1 <bytes> <sha256>`) and the payload. */
export function sealEntry(payload: Uint8Array): Buffer {
  const hash = createHash('sha256').update(payload).digest('hex');
  return Buffer.concat([Buffer.from(`${MAGIC} ${payload.byteLength} ${hash}\n`), payload]);
}

/** The payload of a cache entry, or undefined when it is truncated, corrupt or of another format. */
export function unsealEntry(entry: Buffer): Buffer | undefined {
  const end = entry.indexOf(0x0a);
  if (end === -1 || end > 200) return undefined;
  const [magic, length, hash] = entry.subarray(0, end).toString('latin1').split(' ');
  const payload = entry.subarray(end + 1);
  if (magic !== MAGIC || Number(length) !== payload.byteLength) return undefined;
  return createHash('sha256').update(payload).digest('hex') === hash ? payload : undefined;
}

/** The verified payload of the cache entry at `file`, or undefined on a miss (missing, unreadable, truncated, corrupt). */
export function readEntry(file: string): Buffer | undefined {
  try {
    return unsealEntry(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache entry whole or not at all: to a temporary file beside it,
 * then renamed over it, so a process killed mid-write leaves either the old
 * entry or none (and a stray `.tmp` file), never half of one. A cache that
 * cannot be written only costs speed.
 */
export function writeEntry(file: string, payload: Uint8Array): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, sealEntry(payload));
    renameSync(temporary, file);
  } catch {
    // Read-only or full disk: carry on uncached.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing to clean.
    }
  }
}
