/**
 * Loaded with `node --import` by the CLI tests: `writeFileSync` under the
 * folder `DENY_WRITES` names fails with EACCES, as in a read-only folder. The
 * tests run as root in CI, where `chmod` stops nothing, so the fault is simulated.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

const denied = resolve(process.env['DENY_WRITES'] ?? '/nonexistent');
const original = fs.writeFileSync;
fs.writeFileSync = ((
  file: fs.PathOrFileDescriptor,
  ...rest: Parameters<typeof original> extends [unknown, ...infer R] ? R : never
) => {
  const path = typeof file === 'number' ? '' : resolve(String(file));
  if (path === denied || path.startsWith(denied + sep))
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
  return original(file, ...rest);
}) as typeof fs.writeFileSync;
syncBuiltinESMExports();
