import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RealtimeEmitter } from '@kintsugi/platform';
import { AuthUser, PersonalDataRegistry, UsersService } from '@kintsugi/identity';
import { GroupAccessService } from './group-access.service';
import { appearanceColumns, pseudonymJoin, publicPart, toAppearance } from './group-appearance';
import { PseudonymsService } from './pseudonyms.service';
import { GroupsExtensions } from './groups.extensions';
import { GroupErrors } from './groups.errors';
import { MemberView, MembershipView, toMembershipView } from './group.view';
import type { MembershipRole } from './membership.entity';
import {
  LEAVE_ALL_GROUPS,
  LEAVE_GROUP,
  LEAVE_OTHER_AUDIENCE_GROUPS,
  TAKE_SEAT,
} from './membership.sql';

interface MembershipRow {
  role: MembershipRole;
  joined_at: Date;
}

interface ShownRow {
  shown_id: string;
  shown_handle: string;
  shown_pseudonymous: boolean;
}

/** A membership with how its member appears in the group (`$1` group, `$2` user). */
const MEMBERSHIP_AS_SHOWN = `
  SELECT m.role, m.joined_at, ${appearanceColumns('gp', 'u')}
  FROM memberships m JOIN users u ON u.id = m.user_id
  ${pseudonymJoin('gp', 'm.group_id', 'm.user_id')}
  WHERE m.group_id = $1 AND m.user_id = $2`;

@Injectable()
export class MembershipsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly extensions: GroupsExtensions,
    private readonly personalData: PersonalDataRegistry,
    private readonly realtime: RealtimeEmitter,
    private readonly users: UsersService,
    private readonly pseudonyms: PseudonymsService,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('memberships', (userId, tx) => this.exportFor(userId, tx));
    this.personalData.addExporter('groupSanctions', (userId, tx) => this.sanctionsFor(userId, tx));
    // An erased member leaves every group, freeing their seats.
    // Their pseudonyms go too: the link between them and the account is theirs.
    this.personalData.addEraser(async (userId, tx) => {
      await tx.query(LEAVE_ALL_GROUPS, [userId]);
      await tx.query(`DELETE FROM group_pseudonyms WHERE user_id = $1`, [userId]);
    });
    // A member an admin moves to the other audience leaves that audience's groups and frees the seats.
    this.users.onAudienceChange(async (userId, audience, tx) => {
      await tx.query(LEAVE_OTHER_AUDIENCE_GROUPS, [userId, audience]);
    });
  }

  /**
   * Joins the caller, or returns their membership if they already belong
   * (`created: false`). The membership row and the seat are taken in one
   * transaction: when the group is full, the rollback removes the row.
   * `pseudonym` given sets how the member appears in the group (as PATCH
   * membership does); omitted, a first join shows the account handle and a
   * later one keeps what the member last chose there, so that coming back
   * never puts their handle on posts they left under a pseudonym.
   */
  async join(
    user: AuthUser,
    groupId: string,
    pseudonym?: boolean,
  ): Promise<{ membership: MembershipView; created: boolean }> {
    return this.db.transaction(async (tx) => {
      await this.access.require(user, groupId, 'view', tx);
      // DO UPDATE (a no-op) rather than DO NOTHING so the row comes back either way;
      // xmax = 0 tells a fresh insert from an existing membership.
      const [row]: (MembershipRow & { created: boolean })[] = await tx.query(
        `INSERT INTO memberships (group_id, user_id, role) VALUES ($1, $2, 'member')
         ON CONFLICT (group_id, user_id) DO UPDATE SET role = memberships.role
         RETURNING role, joined_at, (xmax = 0) AS created`,
        [groupId, user.id],
      );
      if (row.created) {
        const seat: unknown[] = await tx.query(TAKE_SEAT, [groupId]);
        if (seat.length === 0) throw GroupErrors.full();
      }
      if (pseudonym !== undefined) await this.pseudonyms.choose(tx, groupId, user.id, pseudonym);
      return { membership: await this.shown(groupId, user.id, tx), created: row.created };
    });
  }

  /** Turns the caller's pseudonym in the group on or off (PATCH …/membership). */
  async setPseudonym(user: AuthUser, groupId: string, on: boolean): Promise<MembershipView> {
    return this.db.transaction(async (tx) => {
      const access = await this.access.require(user, groupId, 'member', tx);
      // An admin passes the 'member' level without belonging; there is nothing to change.
      if (!access.role) throw GroupErrors.notJoined();
      await this.pseudonyms.choose(tx, groupId, user.id, on);
      return this.shown(groupId, user.id, tx);
    });
  }

  private async shown(groupId: string, userId: string, tx: EntityManager): Promise<MembershipView> {
    const [row]: (MembershipRow & ShownRow)[] = await tx.query(MEMBERSHIP_AS_SHOWN, [
      groupId,
      userId,
    ]);
    return toMembershipView(groupId, toAppearance(row), row);
  }

  /** Leaves the group; the member's open sockets stop hearing it at once. */
  async leave(user: AuthUser, groupId: string): Promise<void> {
    const access = await this.access.require(user, groupId, 'member');
    // An admin passes the 'member' level without belonging; there is nothing to leave.
    if (!access.role) throw GroupErrors.notJoined();
    await this.db.query(LEAVE_GROUP, [groupId, user.id]);
    this.realtime.removeUserFromGroup(user.id, groupId);
  }

  async members(groupId: string): Promise<MemberView[]> {
    const rows: (MembershipRow & ShownRow & { user_id: string })[] = await this.db.query(
      `SELECT m.user_id, m.role, m.joined_at, ${appearanceColumns('gp', 'u')}
       FROM memberships m JOIN users u ON u.id = m.user_id
       ${pseudonymJoin('gp', 'm.group_id', 'm.user_id')}
       WHERE m.group_id = $1 AND u.erased_at IS NULL
       ORDER BY m.joined_at, m.user_id`,
      [groupId],
    );
    const online = await this.extensions.online(
      groupId,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ({
      user: publicPart(toAppearance(r)),
      role: r.role,
      joinedAt: r.joined_at.toISOString(),
      online: online.has(r.user_id),
    }));
  }

  /**
   * Makes a member the group's moderator; someone who has not joined cannot be one.
   * `userId` is the account's id or the id the group is shown for the member
   * (their pseudonym's in this group), as read from the member list.
   */
  async assignModerator(groupId: string, userId: string): Promise<MembershipView> {
    return this.db.transaction(async (tx) => {
      const exists: unknown[] = await tx.query(`SELECT 1 FROM groups WHERE id = $1`, [groupId]);
      if (exists.length === 0) throw GroupErrors.notFound();
      const accountId = await this.pseudonyms.accountIdFor(groupId, userId, tx);
      const promoted: unknown[] = await tx.query(
        `WITH promoted AS (
           UPDATE memberships SET role = 'moderator'
           WHERE group_id = $1 AND user_id = $2 RETURNING user_id
         )
         SELECT user_id FROM promoted`,
        [groupId, accountId],
      );
      if (promoted.length === 0) throw GroupErrors.notAMember();
      return this.shown(groupId, accountId, tx);
    });
  }

  private async exportFor(userId: string, tx: EntityManager): Promise<unknown> {
    const rows: (MembershipRow & {
      group_id: string;
      name: string;
      pseudonym: string | null;
      pseudonym_id: string | null;
      active: boolean | null;
    })[] = await tx.query(
      `SELECT m.group_id, g.name, m.role, m.joined_at, gp.pseudonym, gp.id AS pseudonym_id,
              gp.active
       FROM memberships m JOIN groups g ON g.id = m.group_id
       LEFT JOIN group_pseudonyms gp ON gp.group_id = m.group_id AND gp.user_id = m.user_id
       WHERE m.user_id = $1 ORDER BY m.joined_at`,
      [userId],
    );
    return rows.map((r) => ({
      groupId: r.group_id,
      groupName: r.name,
      role: r.role,
      joinedAt: r.joined_at.toISOString(),
      pseudonym: r.pseudonym ? { id: r.pseudonym_id, handle: r.pseudonym, inUse: r.active } : null,
    }));
  }

  /** Mutes and bans of the caller; who imposed them is the moderator's data, not theirs. */
  private async sanctionsFor(userId: string, tx: EntityManager): Promise<unknown> {
    const rows: { group_id: string; kind: string; until: Date | null; created_at: Date }[] =
      await tx.query(
        `SELECT group_id, kind, until, created_at FROM group_sanctions
         WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      );
    return rows.map((r) => ({
      groupId: r.group_id,
      kind: r.kind,
      until: r.until?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
