import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs the relay may join (issue 14, part 3): a busy chat writes one screening job per commit,
 * and the relay sends the ones waiting at once as one job. Rows written before this are
 * relayed alone, as they always were.
 */
export class OutboxJoinableJobs1764086401800 implements MigrationInterface {
  name = 'OutboxJoinableJobs1764086401800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN joinable boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox DROP COLUMN joinable`);
  }
}
