import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Errors, RealtimeEmitter } from '@kintsugi/platform';
import { JourneyRole, PlatformRole, User } from './user.entity';
import { AdminUserView, PublicUser, sameRoles, toAdminUserView, toPublicUser } from './user.view';

/** What other features may ask about members. */
export interface MemberContact {
  id: string;
  handle: string;
  email: string | null;
  timezone: string;
  emailReminders: boolean;
  inApp: boolean;
}

/** What a feature does, in the change's transaction, when an admin moves a member to the other audience. */
export type AudienceChangeHandler = (
  userId: string,
  audience: JourneyRole,
  tx: EntityManager,
) => Promise<void>;

@Injectable()
export class UsersService {
  private readonly audienceChangeHandlers: AudienceChangeHandler[] = [];

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async publicProfiles(ids: string[]): Promise<Map<string, PublicUser | null>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({
      where: { id: In(ids) },
      select: { id: true, handle: true, erasedAt: true },
    });
    return new Map(rows.map((u) => [u.id, u.erasedAt ? null : toPublicUser(u)]));
  }

  async findActive(id: string): Promise<{
    id: string;
    handle: string;
    journeyRole: JourneyRole;
    roles: PlatformRole[];
  } | null> {
    const user = await this.users.findOne({ where: { id, erasedAt: IsNull() } });
    return user
      ? { id: user.id, handle: user.handle, journeyRole: user.journeyRole, roles: user.roles }
      : null;
  }

  /** Contact details for delivering a member's own notifications; never for showing to others. */
  async contacts(ids: string[]): Promise<MemberContact[]> {
    if (ids.length === 0) return [];
    const rows = await this.users.find({ where: { id: In(ids), erasedAt: IsNull() } });
    return rows.map((u) => ({
      id: u.id,
      handle: u.handle,
      email: u.email,
      timezone: u.timezone ?? 'UTC',
      emailReminders: u.notificationPrefs.email,
      inApp: u.notificationPrefs.inApp,
    }));
  }

  /** Features that keep per-audience state (groups: memberships and seats) register here at start. */
  onAudienceChange(handler: AudienceChangeHandler): void {
    this.audienceChangeHandlers.push(handler);
  }

  async updateByAdmin(
    id: string,
    changes: { roles?: PlatformRole[]; journeyRole?: JourneyRole },
  ): Promise<AdminUserView> {
    const { saved, identityChanged } = await this.users.manager.transaction(async (tx) => {
      const user = await tx.findOne(User, { where: { id, erasedAt: IsNull() } });
      if (!user) throw Errors.notFound('That member');
      const roles = changes.roles && [...new Set<PlatformRole>(['member', ...changes.roles])];
      const regranted = roles !== undefined && !sameRoles(roles, user.roles);
      if (roles) user.roles = roles;
      const moved = changes.journeyRole !== undefined && changes.journeyRole !== user.journeyRole;
      if (changes.journeyRole) user.journeyRole = changes.journeyRole;
      const updated = await tx.save(user);
      if (moved) {
        for (const handler of this.audienceChangeHandlers)
          await handler(id, updated.journeyRole, tx);
      }
      return { saved: updated, identityChanged: moved || regranted };
    });
    // Open sockets hold the member as their handshake read them: rooms joined
    // for the old audience or as an admin, and the old roles behind every event.
    // They must reconnect (and rejoin through the policy) to hold the new ones.
    // A grant drops too, so that the member gets the new rights without signing in again.
    if (identityChanged) this.realtime.disconnectUser(id);
    return toAdminUserView(saved);
  }

  /**
   * The one-click unsubscribe: e-mail reminders off, in-app left as it is.
   * An erased member's row matches nothing.
   */
  async turnOffEmailReminders(userId: string): Promise<void> {
    await this.users.query(
      `UPDATE users SET notification_prefs = notification_prefs || '{"email": false}'::jsonb
       WHERE id = $1 AND erased_at IS NULL`,
      [userId],
    );
  }
}
