import { rmSync } from 'node:fs';
import { buildSite, OUTPUT, SITES } from './sites.ts';

/** Builds each fixture site once per test run; the build tier then reads `tests/.output/<site>/`. */
export default function setup(): void {
  rmSync(OUTPUT, { recursive: true, force: true });
  for (const site of Object.values(SITES)) {
    const { status, output } = buildSite(site);
    if (status !== 0) throw new Error(`building the ${site.name} site failed:\n${output}`);
  }
}
