import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Batcher, Clock, PreparedStatement } from '@kintsugi/platform';
import { AuthUser, isAdmin, JourneyRole } from '@kintsugi/identity';
import { pseudonymJoin } from './group-appearance';
import { GroupErrors } from './groups.errors';
import type { MembershipRole } from './membership.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GroupRef {
  id: string;
  name: string;
  audience: JourneyRole;
  timezone: string;
}

export interface GroupAccess {
  group: GroupRef;
  /** The caller's membership role, null when not a member (an admin may still pass). */
  role: MembershipRole | null;
  /** Group moderator or platform admin. */
  canModerate: boolean;
  mutedUntil: Date | null;
  /**
   * The group holds new members' first posts for review: the chat's commit
   * then asks, under the membership's lock, whether this post is one of them.
   */
  newMemberReview: boolean;
  /**
   * The caller's pseudonym in use in this group, if any: how they appear to it
   * (read by the same query, so the send path pays nothing for it).
   */
  pseudonym: { id: string; handle: string } | null;
}

/**
 * What a caller may do with a group is the level they need:
 * - `view`: see the group and join it (own audience, not banned);
 * - `member`: read and take part (a member, or an admin);
 * - `post`: write messages (a member who is not muted);
 * - `moderate`: act as the group's moderator (or an admin).
 */
export type AccessLevel = 'view' | 'member' | 'post' | 'moderate';

interface AccessRow {
  id: string;
  name: string;
  audience: JourneyRole;
  timezone: string;
  role: MembershipRole | null;
  banned: boolean;
  muted_until: Date | null;
  new_member_review: boolean;
  pseudonym_id: string | null;
  pseudonym: string | null;
}

interface AccessQuestion {
  userId: string;
  groupId: string;
}

/** One row per question asked (by its ordinal); a group that does not exist has none. */
const ACCESS_ROWS = `
  SELECT q.ord, g.id, g.name, g.audience, g.timezone, m.role, g.new_member_review,
    gp.id AS pseudonym_id, gp.pseudonym,
    EXISTS (SELECT 1 FROM group_sanctions s
            WHERE s.group_id = g.id AND s.user_id = q.user_id AND s.kind = 'ban') AS banned,
    (SELECT max(s.until) FROM group_sanctions s
     WHERE s.group_id = g.id AND s.user_id = q.user_id AND s.kind = 'mute' AND s.until > $3) AS muted_until
  FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(group_id, user_id, ord)
  JOIN groups g ON g.id = q.group_id
  LEFT JOIN memberships m ON m.group_id = g.id AND m.user_id = q.user_id
  ${pseudonymJoin('gp', 'g.id', 'q.user_id')}`;

const MAX_QUESTIONS_PER_QUERY = 500;

/**
 * The one policy function every door uses — REST, socket events, history,
 * presence, sessions (DESIGN.md invariant 1). One query answers it all; the
 * questions asked while one such query runs are answered together by the
 * next, so a busy chat pays one round trip for many sends.
 * Order of refusals follows API.md: 404, then AUDIENCE_MISMATCH, BANNED,
 * FORBIDDEN (not joined), MUTED.
 */
@Injectable()
export class GroupAccessService {
  private readonly prepared = new PreparedStatement<AccessRow & { ord: string }>(ACCESS_ROWS);
  private readonly batched = new Batcher<AccessQuestion, AccessRow | null>(
    (questions) => this.accessRows(questions),
    { maxBatch: MAX_QUESTIONS_PER_QUERY },
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Inside a transaction the question is asked there, alone, so it sees the transaction's writes. */
  async require(
    user: AuthUser,
    groupId: string,
    level: AccessLevel,
    tx?: EntityManager,
  ): Promise<GroupAccess> {
    if (!UUID.test(groupId)) throw GroupErrors.notFound();
    const question = { userId: user.id, groupId };
    const row = tx
      ? (await this.accessRows([question], tx))[0]
      : await this.batched.submit(question);
    if (!row) throw GroupErrors.notFound();
    const admin = isAdmin(user);
    const access: GroupAccess = {
      group: { id: row.id, name: row.name, audience: row.audience, timezone: row.timezone },
      role: row.role,
      canModerate: admin || row.role === 'moderator',
      mutedUntil: row.muted_until,
      newMemberReview: row.new_member_review,
      pseudonym:
        row.pseudonym_id && row.pseudonym ? { id: row.pseudonym_id, handle: row.pseudonym } : null,
    };
    if (admin) {
      if (level === 'post' && !row.role) throw GroupErrors.notJoined();
      return access;
    }
    if (row.audience !== user.journeyRole) throw GroupErrors.audienceMismatch(row.audience);
    if (row.banned) throw GroupErrors.banned();
    if (level === 'view') return access;
    if (!row.role) throw GroupErrors.notJoined();
    if (level === 'moderate' && !access.canModerate) throw GroupErrors.notModerator();
    if (level === 'post' && row.muted_until) throw GroupErrors.muted(row.muted_until);
    return access;
  }

  private async accessRows(
    questions: AccessQuestion[],
    tx?: EntityManager,
  ): Promise<(AccessRow | null)[]> {
    const values = [
      questions.map((q) => q.groupId),
      questions.map((q) => q.userId),
      this.clock.now(),
    ];
    const rows: (AccessRow & { ord: string })[] = tx
      ? await tx.query(ACCESS_ROWS, values)
      : await this.prepared.run(this.db, values);
    const byOrdinal = new Map(rows.map((row) => [Number(row.ord), row]));
    return questions.map((_, i) => byOrdinal.get(i + 1) ?? null);
  }

  /**
   * Ids of the groups a member belongs to (for socket auto-subscription).
   * Only groups of their current audience: an admin may have changed their
   * journey role since they joined, and the split holds on every door.
   */
  async groupIdsOf(userId: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.db.query(
      `SELECT m.group_id FROM memberships m
       JOIN groups g ON g.id = m.group_id
       JOIN users u ON u.id = m.user_id
       WHERE m.user_id = $1 AND (g.audience = u.journey_role OR 'admin' = ANY(u.roles))`,
      [userId],
    );
    return rows.map((r) => r.group_id);
  }

  /** Ids of a group's members, moderators included. */
  async memberIds(groupId: string, tx?: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await (tx ?? this.db.manager).query(
      `SELECT user_id FROM memberships WHERE group_id = $1`,
      [groupId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Ids of the group's moderators and of every admin: who hears of urgent review items. */
  async moderatorAndAdminIds(groupId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT user_id AS id FROM memberships WHERE group_id = $1 AND role = 'moderator'
       UNION SELECT id FROM users WHERE 'admin' = ANY(roles) AND erased_at IS NULL`,
      [groupId],
    );
    return rows.map((r) => r.id);
  }

  /** Groups a user moderates (an admin moderates all: null). */
  async moderatedGroupIds(user: AuthUser): Promise<string[] | null> {
    if (isAdmin(user)) return null;
    const rows: { group_id: string }[] = await this.db.query(
      `SELECT group_id FROM memberships WHERE user_id = $1 AND role = 'moderator'`,
      [user.id],
    );
    return rows.map((r) => r.group_id);
  }
}
