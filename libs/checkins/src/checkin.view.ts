import type { CheckIn } from './checkin.entity';

/** A check-in as its author sees it; nobody else ever does. */
export interface CheckInView {
  id: string;
  day: string;
  safety: number;
  honesty: number;
  communication: number;
  selfCare: number;
  hope: number;
  note: string | null;
  createdAt: string;
}

export const toCheckInView = (c: CheckIn): CheckInView => ({
  id: c.id,
  day: c.day,
  safety: c.safety,
  honesty: c.honesty,
  communication: c.communication,
  selfCare: c.selfCare,
  hope: c.hope,
  note: c.note,
  createdAt: c.createdAt.toISOString(),
});

export interface ReminderSettingView {
  /** In-app reminder after a week without a check-in. */
  weekly: boolean;
}
