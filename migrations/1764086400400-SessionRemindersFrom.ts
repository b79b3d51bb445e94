import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a session's current start time was set (created or last moved).
 * Reminders that were already due then are skipped, not fired late, and the
 * reconciler that re-creates jobs after a Redis loss must know which ones
 * those were: the ones due before this moment.
 */
export class SessionRemindersFrom1764086400400 implements MigrationInterface {
  name = 'SessionRemindersFrom1764086400400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE discussion_sessions ADD COLUMN reminders_from timestamptz NOT NULL DEFAULT now()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE discussion_sessions DROP COLUMN reminders_from`);
  }
}
