import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of Kintsugi v1. Read top to bottom it says what is stored:
 * pseudonymous accounts, role-split groups, messages with a per-group seq,
 * moderation, scheduled discussions, notifications, and the outbox.
 */
export class InitialSchema1764086400000 implements MigrationInterface {
  name = 'InitialSchema1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        handle varchar(32) NOT NULL,
        journey_role varchar(16) NOT NULL CHECK (journey_role IN ('betrayed', 'unfaithful')),
        roles text[] NOT NULL DEFAULT '{member}',
        password_hash text,
        email varchar(254),
        timezone varchar(64),
        notification_prefs jsonb NOT NULL DEFAULT '{"email": true, "inApp": true}',
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An erased member keeps their row and handle so nobody can pose as them.
    await db.query(`CREATE UNIQUE INDEX users_handle_ci ON users (lower(handle))`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)`);

    await db.query(`
      CREATE TABLE topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL UNIQUE,
        "order" int NOT NULL UNIQUE,
        part int NOT NULL,
        part_title varchar(200) NOT NULL,
        title varchar(200) NOT NULL,
        summary text NOT NULL,
        audience varchar(16) NOT NULL CHECK (audience IN ('betrayed', 'unfaithful', 'both')),
        prompts jsonb NOT NULL
      )`);

    await db.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(80) NOT NULL,
        description varchar(1000) NOT NULL,
        audience varchar(16) NOT NULL CHECK (audience IN ('betrayed', 'unfaithful')),
        capacity int NOT NULL DEFAULT 20 CHECK (capacity BETWEEN 2 AND 500),
        member_count int NOT NULL DEFAULT 0 CHECK (member_count >= 0 AND member_count <= capacity),
        timezone varchar(64) NOT NULL DEFAULT 'UTC',
        guidelines text NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        last_topic_order int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE memberships (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);
    await db.query(`CREATE INDEX memberships_user ON memberships (user_id)`);

    await db.query(`
      CREATE TABLE group_sanctions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('mute', 'ban')),
        until timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX group_sanctions_member ON group_sanctions (group_id, user_id)`);

    await db.query(`
      CREATE TABLE discussion_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        series_id uuid,
        topic_id uuid NOT NULL REFERENCES topics(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'live', 'ended', 'cancelled')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(
      `CREATE INDEX discussion_sessions_group_time ON discussion_sessions (group_id, starts_at)`,
    );
    await db.query(
      `CREATE INDEX discussion_sessions_pending ON discussion_sessions (starts_at) WHERE status IN ('scheduled', 'live')`,
    );

    await db.query(`
      CREATE TABLE session_rsvps (
        session_id uuid NOT NULL REFERENCES discussion_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status varchar(12) NOT NULL CHECK (status IN ('going', 'not_going')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES discussion_sessions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, user_id)
      )`);

    // change_seq feeds GET …/messages/changes: every edit, hide, removal,
    // approval or reaction takes the next value, so a client's cursor is one number.
    await db.query(`CREATE SEQUENCE message_change_seq`);
    await db.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        client_id varchar(64) NOT NULL,
        body text NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'hidden', 'removed')),
        hidden_reason varchar(20) CHECK (hidden_reason IN ('personal_details', 'flags', 'review')),
        session_id uuid REFERENCES discussion_sessions(id) ON DELETE SET NULL,
        change_seq bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        UNIQUE (group_id, seq),
        UNIQUE (author_id, client_id)
      )`);
    await db.query(
      `CREATE INDEX messages_changes ON messages (group_id, change_seq) WHERE change_seq IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX messages_session ON messages (session_id) WHERE session_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE message_reactions (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('heart', 'hug', 'hear_you', 'strength')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_id, kind)
      )`);

    await db.query(`
      CREATE TABLE message_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason varchar(20) NOT NULL
          CHECK (reason IN ('harassment', 'identifying_info', 'crisis', 'spam', 'other')),
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (message_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE review_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users(id),
        priority varchar(8) NOT NULL CHECK (priority IN ('urgent', 'high', 'normal')),
        status varchar(8) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        reasons jsonb NOT NULL DEFAULT '[]',
        claimed_by uuid REFERENCES users(id),
        claimed_at timestamptz,
        resolution_action varchar(8) CHECK (resolution_action IN ('approve', 'remove', 'warn', 'mute', 'ban')),
        resolution_note varchar(1000),
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One message has at most one open item; new reasons join it.
    await db.query(
      `CREATE UNIQUE INDEX review_items_one_open ON review_items (message_id) WHERE status = 'open'`,
    );
    await db.query(
      `CREATE INDEX review_items_queue ON review_items (status, group_id, created_at)`,
    );

    await db.query(`
      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid NOT NULL REFERENCES users(id),
        action varchar(16) NOT NULL,
        target_user_id uuid REFERENCES users(id),
        target_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        group_id uuid REFERENCES groups(id) ON DELETE SET NULL,
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_entries_group ON audit_entries (group_id, created_at)`);
    // The audit trail is append-only: the database itself refuses to change history.
    await db.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key varchar(200) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue varchar(32) NOT NULL,
        job_name varchar(64) NOT NULL,
        job_id varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'notifications',
      'audit_entries',
      'review_items',
      'message_flags',
      'message_reactions',
      'messages',
      'session_attendance',
      'session_rsvps',
      'discussion_sessions',
      'group_sanctions',
      'memberships',
      'groups',
      'topics',
      'refresh_tokens',
      'users',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS audit_entries_append_only`);
    await db.query(`DROP SEQUENCE IF EXISTS message_change_seq`);
  }
}
