/**
 * Filling the strings tables' templates: `{placeholder}`s, numbers in the
 * language's digits, and the plural form `Intl.PluralRules` picks.
 */
import type { Plural } from './types.ts';

/** Values for a template's placeholders; numbers (edition numbers) are written in the language's digits, ungrouped. */
export type Values = Readonly<Record<string, string | number>>;

const numbers = new Map<string, Intl.NumberFormat>();
const plurals = new Map<string, Intl.PluralRules>();

/** A number as the language writes it (`1,234`, `1.234`, `١٬٢٣٤`); ungrouped for edition numbers (`1234`). */
export function formatNumber(n: number, lang: string, grouping = true): string {
  const key = `${lang} ${grouping}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(lang, { useGrouping: grouping })));
  return format.format(n);
}

/** A template with every `{key}` replaced; unknown keys stay as written. */
export function fill(template: string, values: Values, lang: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang, false) : value;
  });
}

/** The plural form for `n` (`{n}` filled too), e.g. "1 point", "2 points", "2 Punkte". */
export function plural(forms: Plural, n: number, lang: string, values: Values = {}): string {
  let rules = plurals.get(lang);
  if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
  const form = forms[rules.select(n)] ?? forms.other;
  return fill(form, { ...values, n: formatNumber(n, lang) }, lang);
}
