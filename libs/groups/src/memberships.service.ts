import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RealtimeEmitter } from '@kintsugi/platform';
import { AuthUser, PersonalDataRegistry, toPublicUser, UsersService } from '@kintsugi/identity';
import { GroupAccessService } from './group-access.service';
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

@Injectable()
export class MembershipsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly extensions: GroupsExtensions,
    private readonly personalData: PersonalDataRegistry,
    private readonly realtime: RealtimeEmitter,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('memberships', (userId, tx) => this.exportFor(userId, tx));
    this.personalData.addExporter('groupSanctions', (userId, tx) => this.sanctionsFor(userId, tx));
    // An erased member leaves every group, freeing their seats.
    this.personalData.addEraser(async (userId, tx) => {
      await tx.query(LEAVE_ALL_GROUPS, [userId]);
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
   */
  async join(
    user: AuthUser,
    groupId: string,
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
      return { membership: toMembershipView(groupId, user, row), created: row.created };
    });
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
    const rows: (MembershipRow & { user_id: string; handle: string })[] = await this.db.query(
      `SELECT m.user_id, u.handle, m.role, m.joined_at
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.group_id = $1 AND u.erased_at IS NULL
       ORDER BY m.joined_at, m.user_id`,
      [groupId],
    );
    const online = await this.extensions.online(
      groupId,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => ({
      user: toPublicUser({ id: r.user_id, handle: r.handle }),
      role: r.role,
      joinedAt: r.joined_at.toISOString(),
      online: online.has(r.user_id),
    }));
  }

  /** Makes a member the group's moderator; someone who has not joined cannot be one. */
  async assignModerator(groupId: string, userId: string): Promise<MembershipView> {
    const exists: unknown[] = await this.db.query(`SELECT 1 FROM groups WHERE id = $1`, [groupId]);
    if (exists.length === 0) throw GroupErrors.notFound();
    const rows: (MembershipRow & { handle: string })[] = await this.db.query(
      `WITH promoted AS (
         UPDATE memberships SET role = 'moderator'
         WHERE group_id = $1 AND user_id = $2 RETURNING user_id, role, joined_at
       )
       SELECT p.role, p.joined_at, u.handle FROM promoted p JOIN users u ON u.id = p.user_id`,
      [groupId, userId],
    );
    if (rows.length === 0) throw GroupErrors.notAMember();
    return toMembershipView(groupId, { id: userId, handle: rows[0].handle }, rows[0]);
  }

  private async exportFor(userId: string, tx: EntityManager): Promise<unknown> {
    const rows: (MembershipRow & { group_id: string; name: string })[] = await tx.query(
      `SELECT m.group_id, g.name, m.role, m.joined_at
       FROM memberships m JOIN groups g ON g.id = m.group_id
       WHERE m.user_id = $1 ORDER BY m.joined_at`,
      [userId],
    );
    return rows.map((r) => ({
      groupId: r.group_id,
      groupName: r.name,
      role: r.role,
      joinedAt: r.joined_at.toISOString(),
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
