/**
 * Which strings table a language tag gets: the exact tag, else its base
 * language (`de-AT` → `de`, `zh-Hans` → `zh-CN`). The settings schema uses
 * `langProblem` so an unsupported language is a settings error, and every
 * page, email, feed and image takes its words from `stringsFor(lang)`.
 */
import ar from './ar.ts';
import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import ja from './ja.ts';
import type { Strings } from './types.ts';
import zhCN from './zh-CN.ts';

export type { Plural, Strings } from './types.ts';
export { fill, formatNumber, plural } from './format.ts';

/** Every strings table, by the tag its file is named after. */
export const TABLES: Readonly<Record<string, Strings>> = { en, 'zh-CN': zhCN, ja, de, fr, es, ar };

/** A base language whose table is named with a region. */
const BASE_ALIASES: Readonly<Record<string, string>> = { zh: 'zh-CN' };

/** The table's tag for a language tag (`de-AT` → `de`), or undefined when there is none. */
export function tableTag(lang: string): string | undefined {
  const tags = Object.keys(TABLES);
  const exact = tags.find((tag) => tag.toLowerCase() === lang.toLowerCase());
  if (exact) return exact;
  let base: string;
  try {
    base = new Intl.Locale(lang).language;
  } catch {
    return undefined;
  }
  return tags.find((tag) => tag === base) ?? BASE_ALIASES[base];
}

/** Why a language has no strings, as a settings message; null when it has. */
export function langProblem(lang: string): string | null {
  if (tableTag(lang)) return null;
  return `no strings for ${JSON.stringify(lang)}; expected one of ${Object.keys(TABLES).join(', ')} (add src/i18n/${lang}.ts)`;
}

/** The strings for a language; English when it has none (the settings check has reported that already). */
export function stringsFor(lang: string): Strings {
  return TABLES[tableTag(lang) ?? 'en']!;
}
