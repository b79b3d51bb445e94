import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs survive a Redis that lost its data (issue 14). An outbox row now
 * stays owed until its job has done its work (`done_at`), and the reconciler
 * adds owed jobs again; `outbox_owed` serves both the done marks (by job id)
 * and the reconciler's walk. Rows relayed before this migration were never
 * tracked: they count as done, as they always did, rather than re-run work
 * that may be long finished.
 *
 * `notifications.emailed_at` records that a notification's e-mail went out,
 * so a job that runs again (re-added, a second worker) sends nothing.
 * Notifications older than this have none recorded; their jobs are done.
 */
export class OutboxOwedJobs1764086400900 implements MigrationInterface {
  name = 'OutboxOwedJobs1764086400900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN done_at timestamptz`);
    await db.query(`UPDATE outbox SET done_at = sent_at WHERE sent_at IS NOT NULL`);
    await db.query(`CREATE INDEX outbox_owed ON outbox (job_id) WHERE done_at IS NULL`);
    await db.query(`ALTER TABLE notifications ADD COLUMN emailed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN emailed_at`);
    await db.query(`DROP INDEX outbox_owed`);
    await db.query(`ALTER TABLE outbox DROP COLUMN done_at`);
  }
}
