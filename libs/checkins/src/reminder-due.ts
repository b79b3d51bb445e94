import { addDays, Day, daysBetween, localDay, localHour } from './check-in-days';

/** A week of quiet, in the member's own days, before a reminder. */
export const REMINDER_AFTER_DAYS = 7;
/** Reminders wait for the member's daytime: a nudge at 3 a.m. helps nobody. */
export const REMINDER_HOURS = { from: 9, until: 21 } as const;

export interface ReminderState {
  zone: string;
  /** When the member last switched the reminder on. */
  remindersFrom: Date;
  /** Their local date of the last reminder, if any. */
  lastRemindedOn: Day | null;
  /** Their latest check-in day, if any. */
  lastCheckInDay: Day | null;
}

/**
 * The day a reminder fell due, if one is due now: a week after the latest of switching it on,
 * the last check-in and the last reminder, in the member's time zone, during their daytime.
 * The due day names the reminder (its dedupe key), so one quiet week gets one reminder however
 * many sweeps see it.
 */
export function reminderDue(now: Date, state: ReminderState): Day | null {
  const today = localDay(now, state.zone);
  const hour = localHour(now, state.zone);
  if (hour < REMINDER_HOURS.from || hour >= REMINDER_HOURS.until) return null;
  const anchors = [
    localDay(state.remindersFrom, state.zone),
    state.lastRemindedOn,
    state.lastCheckInDay,
  ];
  const latest = anchors
    .filter((d): d is Day => d !== null)
    .sort()
    .at(-1)!;
  const dueOn = addDays(latest, REMINDER_AFTER_DAYS);
  return daysBetween(dueOn, today) >= 0 ? dueOn : null;
}
