import { describe, expect, it } from 'vitest';
import { dateProblem, formatDateTime, toZonedIso } from '../../src/rules/dates.ts';

const NY = 'America/New_York';

describe('dates', () => {
  it('accepts a date and a date-time with offset, and rejects the rest with a reason', () => {
    expect(dateProblem('2026-03-22')).toBeNull();
    expect(dateProblem('2026-03-22T12:14:00-04:00')).toBeNull();
    expect(dateProblem('2026-03-22T16:14Z')).toBeNull();
    expect(dateProblem('March 22')).toBe('expected an ISO 8601 date or date-time');
    expect(dateProblem('2026-03-22T12:14:00')).toBe('expected a time zone offset after the time, such as -04:00 or Z');
    expect(dateProblem('2026-02-30')).toBe('expected a real calendar date');
    expect(dateProblem('2026-03-22T25:00:00Z')).toBe('expected a real time of day');
  });

  it('places a date-only edition at the start of that day in the site time zone', () => {
    expect(toZonedIso('2026-03-22', NY)).toBe('2026-03-22T00:00:00-04:00');
    expect(toZonedIso('2026-01-05', NY)).toBe('2026-01-05T00:00:00-05:00');
    // The day clocks change in New York (2026-03-08) still starts at local midnight.
    expect(toZonedIso('2026-03-08', NY)).toBe('2026-03-08T00:00:00-05:00');
  });

  it('re-expresses a date-time in the site time zone', () => {
    expect(toZonedIso('2026-01-01T03:30:00Z', NY)).toBe('2025-12-31T22:30:00-05:00');
    expect(toZonedIso('2026-03-22T12:14:00-04:00', 'Europe/Berlin')).toBe('2026-03-22T17:14:00+01:00');
  });

  it('shows "March 22, 2026, 12:14 PM" with ordinary spaces, or the date alone', () => {
    expect(formatDateTime('2026-03-22T12:14:00-04:00', true, NY, 'en-US')).toBe('March 22, 2026, 12:14 PM');
    expect(formatDateTime('2026-03-22T00:00:00-04:00', false, NY, 'en-US')).toBe('March 22, 2026');
  });
});
