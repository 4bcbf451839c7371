/**
 * The email edition's subscribe line. Apart from `subscribe.ts` because it
 * builds a URL (`urls.ts` reads the settings when loaded), and the security
 * policy, which `astro.config.ts` loads before the settings are checked,
 * needs `subscribe.ts` alone.
 */
import type { Say } from '../i18n/say.ts';
import { absolute, paths } from '../site/urls.ts';

/**
 * Where a reader of a forwarded email can subscribe: the home page's
 * subscribe box. Not a provider's own page: not every provider has one (a
 * Kit form or listmonk list may have no public page), the box also offers
 * the feeds, and old emails keep working when the provider changes.
 */
export function subscribeUrl(): string {
  return absolute(paths.subscribe());
}

/** The HTML email footer's subscribe line: "Forwarded this email? <a>Subscribe</a>", made by the email's `link`. */
export function subscribeFooterHtml(
  say: Say,
  escapeHtml: (text: string) => string,
  link: (href: string, text: string) => string,
): string {
  return `${escapeHtml(say('emailForwarded'))} ${link(subscribeUrl(), say('emailSubscribe'))}.`;
}

/** The plain-text email footer's subscribe line, URL included. */
export function subscribeFooterText(say: Say): string {
  return `${say('emailSubscribeText')} ${subscribeUrl()}`;
}
