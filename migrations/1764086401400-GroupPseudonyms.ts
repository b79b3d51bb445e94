import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-group pseudonyms (issue 15, part 2). A member may appear in one group under a
 * pseudonym made for that membership. Its row outlives the membership (a member who
 * leaves keeps appearing under it on the posts they left behind, and finds it again if
 * they come back); `active` says whether it is the member's appearance in the group now.
 * `id` is the public id shown to the group instead of the account's, so that two groups'
 * pseudonyms share no value. Both are random: nothing about the account is in them.
 *
 * `pseudonym_lookups` is the append-only record of every admin resolving a pseudonym to
 * an account (refused at the database, as the audit trail is).
 */
export class GroupPseudonyms1764086401400 implements MigrationInterface {
  name = 'GroupPseudonyms1764086401400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE group_pseudonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        pseudonym varchar(40) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (group_id, user_id)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX group_pseudonyms_name ON group_pseudonyms (lower(pseudonym))`,
    );
    await db.query(`
      CREATE TABLE pseudonym_lookups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admin_id uuid NOT NULL REFERENCES users(id),
        query varchar(64) NOT NULL,
        pseudonym_id uuid,
        group_id uuid,
        user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX pseudonym_lookups_created ON pseudonym_lookups (created_at)`);
    await db.query(`
      CREATE FUNCTION pseudonym_lookups_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'pseudonym_lookups is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER pseudonym_lookups_no_update BEFORE UPDATE OR DELETE ON pseudonym_lookups
      FOR EACH ROW EXECUTE FUNCTION pseudonym_lookups_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE pseudonym_lookups`);
    await db.query(`DROP FUNCTION pseudonym_lookups_append_only()`);
    await db.query(`DROP TABLE group_pseudonyms`);
  }
}
