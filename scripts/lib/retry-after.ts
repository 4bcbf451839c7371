/**
 * How long a `Retry-After` header asks a client to wait (RFC 9110 §10.2.3:
 * whole seconds, or an HTTP date), for every command that talks to an
 * outside service (`npm run figures`, `npm run new -- --thread`, `npm run send`).
 */

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or null without a readable one. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
