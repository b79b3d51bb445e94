import { DateTime } from 'luxon';

/**
 * A check-in belongs to a calendar day, `YYYY-MM-DD`, in the member's own time zone: "once a
 * day" must mean the member's day, not the server's (a member in Auckland checking in at 8 in
 * the morning is on a different UTC day from the same member at 8 in the evening).
 */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The member's calendar day at `at`; an unknown zone (never stored, but cheap to guard) reads as UTC. */
export function localDay(at: Date, zone: string): Day {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'utc' })).toISODate()!;
}

/** The member's local hour (0–23) at `at`. */
export function localHour(at: Date, zone: string): number {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'utc' })).hour;
}

/** `2026-11-24` is a day; `2026-02-30`, `2026-11-24T00:00Z` and `24/11/2026` are not. */
export function isDay(value: unknown): value is Day {
  return (
    typeof value === 'string' && DAY.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

export function addDays(day: Day, days: number): Day {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days')
      .days,
  );
}
