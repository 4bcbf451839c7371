/**
 * The strings of one language, ready to use: `say('archive')`,
 * `say('readEdition', { n: 12 })`, `say.count('points', 228)`. What pages,
 * emails, feeds and images call instead of writing words themselves.
 */
import { fill, plural, type Values } from './format.ts';
import { stringsFor } from './index.ts';
import type { Plural, Strings } from './types.ts';

/** Keys of the table whose values are plain templates. */
export type TextKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
/** Keys of the table whose values are plural forms. */
export type PluralKey = { [K in keyof Strings]: Strings[K] extends Plural ? K : never }[keyof Strings];

/** A language's strings with their templates filled. */
export interface Say {
  /** The template `key`, filled with `values`. */
  (key: TextKey, values?: Values): string;
  /** The plural form of `key` for `n`, filled with `n` and `values`. */
  count(key: PluralKey, n: number, values?: Values): string;
  /** The raw table, for what is passed on unfilled (e.g. to the search script). */
  readonly strings: Strings;
  /** The language tag the numbers and plurals follow. */
  readonly lang: string;
}

const cache = new Map<string, Say>();

/** The strings for `lang` (the site's `lang` setting). */
export function sayFor(lang: string): Say {
  let say = cache.get(lang);
  if (!say) {
    const strings = stringsFor(lang);
    say = Object.assign((key: TextKey, values: Values = {}) => fill(strings[key], values, lang), {
      count: (key: PluralKey, n: number, values: Values = {}) => plural(strings[key], n, lang, values),
      strings,
      lang,
    });
    cache.set(lang, say);
  }
  return say;
}

/**
 * The footer line of pages and emails: the site's own `footer`, else
 * "<name> is published by <publisher>.", or "<name> is an independent
 * newsletter." when the publisher is the newsletter itself.
 */
export function footerLine(site: {
  lang: string;
  name: string;
  publisher: string;
  footer?: string | undefined;
}): string {
  const say = sayFor(site.lang);
  if (site.footer !== undefined) return site.footer;
  if (site.publisher.trim().toLowerCase() === site.name.trim().toLowerCase())
    return say('footerIndependent', { name: site.name });
  return say('footer', { name: site.name, publisher: site.publisher });
}
