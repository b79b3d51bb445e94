import type { CheckIn } from '../api/types';
import { SCALES, type ScaleKey } from './scales';

/** Calendar days as `YYYY-MM-DD`, computed on UTC midnights so no local offset shifts them. */
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** Today in the member's time zone (the one the server counts check-in days in). */
export function todayIn(zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The Monday that starts the week of `day`. */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** "24 Nov", for a week's Monday. */
export function weekLabel(weekStart: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(toDate(weekStart));
}

export interface WeekPoint {
  weekStart: string;
  label: string;
  count: number;
  /** Each scale's average that week, to one decimal; null for a week without check-ins. */
  values: Record<ScaleKey, number | null>;
}

export const TREND_WEEKS = 12;

/** The last `weeks` weeks up to the week of `today`, oldest first, with each scale's average. */
export function weeklyTrend(checkIns: CheckIn[], today: string, weeks = TREND_WEEKS): WeekPoint[] {
  const lastMonday = mondayOf(today);
  return Array.from({ length: weeks }, (_, i) => {
    const weekStart = addDays(lastMonday, (i - weeks + 1) * 7);
    const inWeek = checkIns.filter((c) => mondayOf(c.day) === weekStart);
    const values = Object.fromEntries(
      SCALES.map(({ key }) => [
        key,
        inWeek.length === 0
          ? null
          : Math.round((inWeek.reduce((sum, c) => sum + c[key], 0) / inWeek.length) * 10) / 10,
      ]),
    ) as Record<ScaleKey, number | null>;
    return { weekStart, label: weekLabel(weekStart), count: inWeek.length, values };
  });
}
