import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who new-member review holds, counted where a send can read it in one index
 * probe (issue 15, part 3). `groups.new_member_review_since` is when review
 * was last turned on: a member who joined since then is one of its new
 * members. `memberships.new_member_posts` counts that member's posts in the
 * group while review is on, up to the group's number; it is written only by
 * sends that review may hold, under the membership row's lock, so the count
 * is exact even when two API processes commit the member's posts at once.
 *
 * A group with review already on (there are none outside development) starts
 * it now: its present members are not new.
 */
export class NewMembersCounted1764086401600 implements MigrationInterface {
  name = 'NewMembersCounted1764086401600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE groups ADD COLUMN new_member_review_since timestamptz`);
    await db.query(`UPDATE groups SET new_member_review_since = now() WHERE new_member_review`);
    await db.query(
      `ALTER TABLE memberships ADD COLUMN new_member_posts int NOT NULL DEFAULT 0
         CHECK (new_member_posts >= 0)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE memberships DROP COLUMN new_member_posts`);
    await db.query(`ALTER TABLE groups DROP COLUMN new_member_review_since`);
  }
}
