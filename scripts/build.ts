/**
 * `npm run build`: builds the site into a fresh folder beside `dist/` and
 * swaps it in only when the whole build succeeded, so a failed build leaves
 * the previous `dist/` exactly as it was. `OUT_DIR` builds elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.env['OUT_DIR'] ?? 'dist');
const next = `${out}.next`;
const previous = `${out}.previous`;
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

rmSync(next, { recursive: true, force: true });
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', next], {
  stdio: 'inherit',
  // A heap limit makes V8 collect garbage instead of growing: measured in bench/RESULTS.md.
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=1024`.trim(),
  },
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`build failed; ${existsSync(out) ? `${out} was left as it was` : 'nothing was written'}.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
rmSync(previous, { recursive: true, force: true });
console.log(`site written to ${out}`);
