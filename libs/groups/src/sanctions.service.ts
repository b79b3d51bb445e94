import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RealtimeEmitter } from '@kintsugi/platform';
import { GroupSanction } from './group-sanction.entity';
import { LEAVE_GROUP } from './membership.sql';

/**
 * Mutes and bans. Both are written inside the caller's transaction (a
 * moderator's action commits with its audit entry); announceBan runs after
 * commit and reaches the member's sockets on every API process.
 */
@Injectable()
export class SanctionsService {
  constructor(private readonly realtime: RealtimeEmitter) {}

  async mute(
    tx: EntityManager,
    p: { groupId: string; userId: string; until: Date; by: string },
  ): Promise<void> {
    await tx.insert(GroupSanction, {
      groupId: p.groupId,
      userId: p.userId,
      kind: 'mute',
      until: p.until,
      createdBy: p.by,
    });
  }

  /** Bans for good: the membership ends and the member cannot rejoin. */
  async ban(tx: EntityManager, p: { groupId: string; userId: string; by: string }): Promise<void> {
    await tx.insert(GroupSanction, {
      groupId: p.groupId,
      userId: p.userId,
      kind: 'ban',
      until: null,
      createdBy: p.by,
    });
    await tx.query(LEAVE_GROUP, [p.groupId, p.userId]);
  }

  /** Takes the member's sockets out of the group's room everywhere and tells them. */
  announceBan(groupId: string, userId: string): void {
    this.realtime.removeUserFromGroup(userId, groupId);
    this.realtime.toUser(userId, 'group:removed', { groupId, reason: 'banned' });
  }
}
