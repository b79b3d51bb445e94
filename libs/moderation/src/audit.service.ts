import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PublicUser, UsersService } from '@kintsugi/identity';
import { appearanceKey, PseudonymsService, publicPart } from '@kintsugi/groups';
import { AuditEntry } from './audit-entry.entity';
import type { ResolutionAction } from './review-reasons';

const AUDIT_LIMIT = 200;

/** API.md's AuditEntry. */
export interface AuditEntryView {
  id: string;
  /** null once the moderator erased their account. */
  actor: PublicUser | null;
  action: ResolutionAction;
  /** `userId` is the id the group is shown for the member (their pseudonym's there, if any). */
  target: { userId: string | null; messageId: string | null };
  groupId: string | null;
  note: string | null;
  createdAt: string;
}

/**
 * Reads the audit trail (entries are written by ResolutionsService, in the
 * action's transaction). Actor and target are shown as they appear in the
 * entry's group, so a pseudonym's account id never reaches its moderators.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly pseudonyms: PseudonymsService,
  ) {}

  /** Newest first; `groupIds` null means every group (admins). */
  async list(groupIds: string[] | null): Promise<AuditEntryView[]> {
    const entries = await this.db.getRepository(AuditEntry).find({
      where: groupIds ? { groupId: In(groupIds) } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: AUDIT_LIMIT,
    });
    const inGroups = entries.filter((e) => e.groupId !== null);
    const shown = await this.pseudonyms.appearances(
      inGroups.flatMap((e) => [
        { groupId: e.groupId!, userId: e.actorId },
        ...(e.targetUserId ? [{ groupId: e.groupId!, userId: e.targetUserId }] : []),
      ]),
    );
    // An entry whose group is gone (admins only) names accounts, as before.
    const accounts = await this.users.publicProfiles([
      ...new Set(entries.filter((e) => e.groupId === null).map((e) => e.actorId)),
    ]);
    const person = (groupId: string | null, userId: string): PublicUser | null => {
      if (groupId === null) return accounts.get(userId) ?? null;
      const found = shown.get(appearanceKey(groupId, userId));
      return found ? publicPart(found) : null;
    };
    return entries.map((e) => ({
      id: e.id,
      actor: person(e.groupId, e.actorId),
      action: e.action,
      target: {
        userId:
          e.targetUserId && e.groupId
            ? (shown.get(appearanceKey(e.groupId, e.targetUserId))?.id ?? e.targetUserId)
            : e.targetUserId,
        messageId: e.targetMessageId,
      },
      groupId: e.groupId,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
