/**
 * Dates as archives write them (`2024-01-05`, `2024-01-05 10:30`,
 * `2024-01-05 10:30:00 -0500`, `2024-01-05T15:30:00.000Z`), turned into the
 * edition format's: a date stays a date, a date-time gets the offset of the
 * site's time zone, and one written without a zone is taken in the old
 * site's own zone (Pelican's `TIMEZONE`, Jekyll's `timezone`), else the site's.
 */
import { dateProblem, toZonedIso } from './project.ts';

const SOURCE_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

const pad = (s: string | undefined) => (s ?? '0').padStart(2, '0');

/** The offset at the end of a `toZonedIso` string, in minutes. */
function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** True when `name` is a time zone the platform knows (`Europe/Berlin`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The edition-format date for a source date, or the reason it cannot be
 * read; written with `timeZone`'s offset, a zone-less time read in `wallZone`.
 */
export function parseSourceDate(
  value: string,
  timeZone: string,
  wallZone = timeZone,
): { date: string } | { error: string } {
  const expected = 'expected a date such as 2024-01-05 or 2024-01-05 10:30, optionally with an offset such as -05:00';
  const m = SOURCE_DATE.exec(value.trim());
  if (!m) return { error: `${expected}, got ${JSON.stringify(value)}` };
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  if (m[4] === undefined) {
    const problem = dateProblem(day);
    return problem ? { error: `${problem}, got ${JSON.stringify(value)}` } : { date: day };
  }
  const local = `${day}T${pad(m[4])}:${m[5]}:${pad(m[6])}`;
  const zone = m[7] ? (m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : undefined;
  const problem = dateProblem(`${local}${zone ?? 'Z'}`);
  if (problem) return { error: `${problem}, got ${JSON.stringify(value)}` };
  if (zone) return { date: toZonedIso(`${local}${zone}`, timeZone) };
  // No zone: the wall-clock time in the old site's time zone. Two passes settle days on which the offset changes.
  const guess = Date.parse(`${local}Z`);
  const first = offsetMinutes(toZonedIso(new Date(guess).toISOString(), wallZone));
  const second = offsetMinutes(toZonedIso(new Date(guess - first * 60000).toISOString(), wallZone));
  return { date: toZonedIso(new Date(guess - second * 60000).toISOString(), timeZone) };
}

/** The date at the start of a file name (`2024-01-05-welcome` → `2024-01-05`), as Jekyll and Pelican read it. */
export function dateFromStem(stem: string | undefined): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})(?:[-_]|$)/.exec(stem ?? '')?.[1];
}
