import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { UsersService } from '@kintsugi/identity';
import { NotificationsService, type NotifyInput } from '@kintsugi/notifications';
import type { Day } from './check-in-days';
import { CheckInReminder } from './checkin.entity';
import type { ReminderSettingView } from './checkin.view';
import { reminderDue, REMINDER_AFTER_DAYS } from './reminder-due';

const PAGE = 500;

interface Candidate {
  user_id: string;
  reminders_from: Date;
  last_reminded_on: Day | null;
  last_day: Day | null;
}

/**
 * The opt-in weekly reminder: the member's setting, and the sweep that sends what is due.
 *
 * Unlike a session reminder there is no instant to schedule a job for: when it falls due moves
 * with every check-in, time-zone change and switch. So nothing is scheduled; a sweep works out
 * from the rows who is due now (reminder-due.ts). Like session reminders, each is stored once by
 * its notification's dedupe key (member and due day), so overlapping sweeps, two workers or a
 * retry change nothing, and a Redis loss loses nothing because no job holds the state.
 */
@Injectable()
export class CheckInRemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<ReminderSettingView> {
    const row = await this.db.getRepository(CheckInReminder).findOne({ where: { userId } });
    return { weekly: row?.weekly ?? false };
  }

  /** Switching it on (again) starts a new week of grace: no reminder for the quiet weeks before. */
  async set(userId: string, weekly: boolean): Promise<ReminderSettingView> {
    await this.db.query(
      `INSERT INTO checkin_reminders AS r (user_id, weekly, reminders_from) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET weekly = EXCLUDED.weekly,
         reminders_from = CASE WHEN r.weekly THEN r.reminders_from ELSE EXCLUDED.reminders_from END`,
      [userId, weekly, this.clock.now()],
    );
    return { weekly };
  }

  /** Sends every reminder due now; returns how many were sent. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await this.candidates(now, after);
      if (page.length === 0) return sent;
      sent += await this.remind(now, page);
      after = page[page.length - 1].user_id;
    }
  }

  async exportFor(userId: string, tx: EntityManager): Promise<ReminderSettingView> {
    const row = await tx.findOne(CheckInReminder, { where: { userId } });
    return { weekly: row?.weekly ?? false };
  }

  async eraseFor(userId: string, tx: EntityManager): Promise<void> {
    await tx.delete(CheckInReminder, { userId });
  }

  /**
   * Members with the reminder on whose latest anchor is old enough in any time zone: a local
   * date is within a day of the UTC date, so the UTC test lets through everyone who might be
   * due and reminderDue decides in the member's zone.
   */
  private candidates(now: Date, after: string): Promise<Candidate[]> {
    return this.db.query(
      `SELECT r.user_id, r.reminders_from, r.last_reminded_on::text AS last_reminded_on,
         c.last_day::text AS last_day
       FROM checkin_reminders r
       LEFT JOIN LATERAL (SELECT max(day) AS last_day FROM checkins WHERE user_id = r.user_id) c ON true
       WHERE r.weekly AND r.user_id > $1
         AND greatest((r.reminders_from AT TIME ZONE 'UTC')::date, r.last_reminded_on, c.last_day)
             <= ($2::timestamptz AT TIME ZONE 'UTC')::date - $3::int
       ORDER BY r.user_id LIMIT $4`,
      [after, now, REMINDER_AFTER_DAYS - 2, PAGE],
    );
  }

  private async remind(now: Date, page: Candidate[]): Promise<number> {
    // contacts() leaves out erased members: an erased member is reminded of nothing.
    const zones = new Map(
      (await this.users.contacts(page.map((c) => c.user_id))).map((m) => [m.id, m.timezone]),
    );
    const due: (NotifyInput & { kind: 'checkin_reminder' })[] = [];
    for (const c of page) {
      const zone = zones.get(c.user_id);
      const dueOn =
        zone &&
        reminderDue(now, {
          zone,
          remindersFrom: new Date(c.reminders_from),
          lastRemindedOn: c.last_reminded_on,
          lastCheckInDay: c.last_day,
        });
      if (dueOn)
        due.push({
          userId: c.user_id,
          kind: 'checkin_reminder',
          payload: { dueOn },
          dedupeKey: `checkin-reminder:${c.user_id}:${dueOn}`,
        });
    }
    if (due.length === 0) return 0;
    const delivery = await this.db.transaction(async (tx) => {
      const created = await this.notifications.notifyMany(tx, due);
      // The due day stands for "reminded": the next week counts from it.
      await tx.query(
        `UPDATE checkin_reminders r SET last_reminded_on = d.due_on
         FROM unnest($1::uuid[], $2::date[]) AS d(user_id, due_on) WHERE r.user_id = d.user_id`,
        [due.map((d) => d.userId), due.map((d) => d.payload.dueOn)],
      );
      return created;
    });
    delivery.push();
    return delivery.created.length;
  }
}
