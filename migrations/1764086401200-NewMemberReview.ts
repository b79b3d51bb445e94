import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A newcomer's first posts are reviewed (issue 15, part 3). A group may hold the first
 * `new_member_review_posts` (1–20) messages of each member before the group sees them; off by
 * default, and the number is kept while it is off so that switching it back on restores it.
 *
 * A held message is committed with its seq like any other, with status `pending`
 * (`hidden_reason` `new_member_review`) and `withheld` true. `withheld` means "the group has never
 * been shown this message": it stays true if screening then hides it or a moderator removes it,
 * so that a message nobody else saw never turns up for them later as a hidden or removed
 * placeholder; it becomes false only when the message is shown (status `visible`).
 *
 * Swapping the checks re-reads every message once, inside the migration's transaction (sends
 * wait for it at start-up: a sequential scan, well under a second per million messages).
 */
export class NewMemberReview1764086401200 implements MigrationInterface {
  name = 'NewMemberReview1764086401200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE groups
        ADD COLUMN new_member_review boolean NOT NULL DEFAULT false,
        ADD COLUMN new_member_review_posts int NOT NULL DEFAULT 3
          CHECK (new_member_review_posts BETWEEN 1 AND 20)`);
    await db.query(`ALTER TABLE messages ADD COLUMN withheld boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE messages
        DROP CONSTRAINT messages_status_check,
        DROP CONSTRAINT messages_hidden_reason_check,
        ADD CONSTRAINT messages_status_check
          CHECK (status IN ('visible', 'hidden', 'removed', 'pending')),
        ADD CONSTRAINT messages_hidden_reason_check
          CHECK (hidden_reason IN ('personal_details', 'flags', 'review', 'new_member_review')),
        ADD CONSTRAINT messages_pending_withheld
          CHECK (status <> 'pending' OR withheld)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Held messages that were never shown go back to the nearest older state: hidden for review.
    await db.query(
      `UPDATE messages SET status = 'hidden', hidden_reason = 'review' WHERE status = 'pending'`,
    );
    await db.query(
      `UPDATE messages SET hidden_reason = 'review' WHERE hidden_reason = 'new_member_review'`,
    );
    await db.query(`
      ALTER TABLE messages
        DROP CONSTRAINT messages_pending_withheld,
        DROP CONSTRAINT messages_status_check,
        DROP CONSTRAINT messages_hidden_reason_check,
        ADD CONSTRAINT messages_status_check CHECK (status IN ('visible', 'hidden', 'removed')),
        ADD CONSTRAINT messages_hidden_reason_check
          CHECK (hidden_reason IN ('personal_details', 'flags', 'review'))`);
    await db.query(`ALTER TABLE messages DROP COLUMN withheld`);
    await db.query(
      `ALTER TABLE groups DROP COLUMN new_member_review_posts, DROP COLUMN new_member_review`,
    );
  }
}
