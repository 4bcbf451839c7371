import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../site/security.ts';

/** Writes `_headers` (security headers for hosts that read one) at the end of the build. */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'newsletter-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile());
      },
    },
  };
}
