import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private progress check-ins (issue 15): five 1–5 scales and an optional note, at most one per
 * member per day, the day being the member's own (their time zone when they recorded it). Only
 * the member ever reads them; erasure deletes them. The unique (user_id, day) index is both the
 * once-a-day rule, enforced where concurrent requests cannot slip past it, and the index that
 * lists a member's days in order.
 *
 * `checkin_reminders` holds the opt-in weekly reminder: `reminders_from` is when it was last
 * switched on and `last_reminded_on` the member's local date of the last reminder, so that the
 * sweep can tell a week of silence from a week it already nudged about.
 */
export class CheckIns1764086400800 implements MigrationInterface {
  name = 'CheckIns1764086400800';

  async up(db: QueryRunner): Promise<void> {
    const scale = (column: string) =>
      `${column} smallint NOT NULL CHECK (${column} BETWEEN 1 AND 5)`;
    await db.query(`
      CREATE TABLE checkins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        day date NOT NULL,
        ${scale('safety')},
        ${scale('honesty')},
        ${scale('communication')},
        ${scale('self_care')},
        ${scale('hope')},
        note text CHECK (char_length(note) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT checkins_one_per_day UNIQUE (user_id, day)
      )`);
    await db.query(`
      CREATE TABLE checkin_reminders (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        weekly boolean NOT NULL,
        reminders_from timestamptz NOT NULL,
        last_reminded_on date
      )`);
    // The sweep reads only members who want the reminder.
    await db.query(
      `CREATE INDEX checkin_reminders_weekly ON checkin_reminders (user_id) WHERE weekly`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE checkin_reminders`);
    await db.query(`DROP TABLE checkins`);
  }
}
