/**
 * The Content-Security-Policy of `npm run dev` pages. Vite's dev server
 * delivers every stylesheet as an inline `<style>` (a build links files),
 * which the site's `style-src 'self'` blocks: without this, every dev page,
 * the problems pages included, was unstyled.
 */

/** `policy` with inline styles allowed; for `npm run dev` only, never for a built page. */
export function devContentSecurityPolicy(policy: string): string {
  return policy.replace(/(^|; )style-src ([^;]*)/, "$1style-src $2 'unsafe-inline'");
}
