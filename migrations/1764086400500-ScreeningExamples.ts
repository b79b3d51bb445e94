import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What moderators taught the screeners: a message the screener hid that a moderator approved
 * (`absent`), or one it passed that a moderator removed for what members flagged (`labels`).
 * The text is not copied: it is read from the message, and `body_sha256` says which text the
 * decision was about, so an edited message teaches nothing. Gone with the message, and erased
 * with its author.
 */
export class ScreeningExamples1764086400500 implements MigrationInterface {
  name = 'ScreeningExamples1764086400500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE screening_examples (
        message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        labels text[] NOT NULL DEFAULT '{}',
        absent text[] NOT NULL DEFAULT '{}',
        decision varchar(10) NOT NULL CHECK (decision IN ('approve', 'remove')),
        body_sha256 char(64) NOT NULL,
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL,
        CHECK (labels <@ ARRAY['crisis', 'threat', 'abuse', 'personal_details']::text[]),
        CHECK (absent <@ ARRAY['crisis', 'threat', 'abuse', 'personal_details']::text[]),
        CHECK (cardinality(labels) + cardinality(absent) > 0)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE screening_examples`);
  }
}
