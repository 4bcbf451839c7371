/**
 * Dates as the edition format has them: an ISO date (`2026-03-22`) or an ISO
 * date-time with offset (`2026-03-22T12:14:00-04:00`), shown in the site's
 * time zone.
 */
import { stringsFor } from '../i18n/index.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The earliest year an edition may be dated. */
const MIN_YEAR = 1000;
// RFC 3339 allows a space for the T, as YAML timestamps do.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_NO_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Why a date string is not acceptable, or null when it is. */
export function dateProblem(value: string): string | null {
  if (DATE_TIME_NO_OFFSET.test(value)) return 'expected a time zone offset after the time, such as -04:00 or Z';
  const m = DATE.exec(value) ?? DATE_TIME.exec(value);
  if (!m) return 'expected an ISO 8601 date or date-time';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC reads years 0–99 as 1900–1999; a newsletter edition is dated in the last thousand years anyway.
  if (year < MIN_YEAR) return `expected a year from ${MIN_YEAR} on`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return 'expected a real calendar date';
  if (m.length > 4 && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    return 'expected a real time of day';
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(m[8] ?? '');
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59))
    return 'expected a real time zone offset, from -23:59 to +23:59';
  return null;
}

/** True when the string is a date without a time. */
export function isDateOnly(value: string): boolean {
  return DATE.test(value);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes. */
const formats = new Map<string, Intl.DateTimeFormat>();
/** An `Intl.DateTimeFormat`, made once per language and options (making one costs far more than using it). */
function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instant a date string names, as an ISO string with the offset of the
 * site's time zone. A date without a time means the start of that day in
 * the site's time zone.
 */
export function toZonedIso(value: string, timeZone: string): string {
  let instant: Date;
  if (isDateOnly(value)) {
    const guess = new Date(`${value}T00:00:00Z`);
    // Two passes settle days on which the offset changes.
    const first = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60000);
    instant = new Date(guess.getTime() - zoneOffsetMinutes(first, timeZone) * 60000);
  } else {
    instant = new Date(value.replace(' ', 'T'));
  }
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

/** "March 22, 2026" in the site's time zone and language. */
export function formatDate(iso: string, timeZone: string, lang: string): string {
  return dateTimeFormat(lang, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso));
}

/** "12:14 PM" in the site's time zone and language, with ordinary spaces. */
export function formatTime(iso: string, timeZone: string, lang: string): string {
  return dateTimeFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit' })
    .format(new Date(iso))
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** "March 22, 2026, 12:14 PM" (joined as the language joins them), or only the date when the edition gave none. */
export function formatDateTime(iso: string, hasTime: boolean, timeZone: string, lang: string): string {
  const date = formatDate(iso, timeZone, lang);
  if (!hasTime) return date;
  const time = formatTime(iso, timeZone, lang);
  return stringsFor(lang)
    .dateTime.replace('{date}', () => date)
    .replace('{time}', () => time);
}

/** The year of an instant in the site's time zone. */
export function yearOf(iso: string, timeZone: string): number {
  return Number(dateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(iso)));
}

/** RFC 822 date for RSS, keeping the offset written in the ISO string: "Sun, 22 Mar 2026 12:14:00 -0400". */
export function rfc822(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-]\d{2}):(\d{2})$/.exec(iso);
  if (!m) return new Date(iso).toUTCString().replace('GMT', '+0000');
  const [, y, mo, d, h, mi, s, oh, om] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()];
  return `${weekday}, ${d} ${month} ${y} ${h}:${mi}:${s} ${oh}${om}`;
}
