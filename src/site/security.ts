/**
 * The site's security policy, in one place for the `<meta>` tags of every
 * page and the `_headers` file for hosts that read one (Netlify, Cloudflare
 * Pages). No inline script anywhere: the search page's script is a file, and
 * Pagefind needs only WebAssembly compilation.
 */
import type { SubscribeSettings } from '../schemas/subscribe.ts';
import { getSite } from './settings.ts';
import { formActionDirective } from './subscribe.ts';

/**
 * The Content-Security-Policy directives a `<meta>` tag can carry, for the
 * site's `subscribe` setting. A function, not a constant: `astro.config.ts`
 * loads this file before it checks the settings.
 */
export function contentSecurityPolicy(subscribe: SubscribeSettings | undefined = getSite().subscribe): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    // Editions may show https images (the raw-HTML allow-list has img).
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    formActionDirective(subscribe), // 'self', plus the sign-up form's provider when there is one
  ].join('; ');
}

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The `_headers` file: the same policy as HTTP headers, plus what only headers can say. */
export function headersFile(): string {
  return `/*
  Content-Security-Policy: ${contentSecurityPolicy()}; frame-ancestors 'none'
  Referrer-Policy: ${REFERRER_POLICY}
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
`;
}
