import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PublicUser, UsersService } from '@kintsugi/identity';
import { AuditEntry } from './audit-entry.entity';
import type { ResolutionAction } from './review-reasons';

const AUDIT_LIMIT = 200;

/** API.md's AuditEntry. */
export interface AuditEntryView {
  id: string;
  /** null once the moderator erased their account. */
  actor: PublicUser | null;
  action: ResolutionAction;
  target: { userId: string | null; messageId: string | null };
  groupId: string | null;
  note: string | null;
  createdAt: string;
}

/** Reads the audit trail (entries are written by ResolutionsService, in the action's transaction). */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  /** Newest first; `groupIds` null means every group (admins). */
  async list(groupIds: string[] | null): Promise<AuditEntryView[]> {
    const entries = await this.db.getRepository(AuditEntry).find({
      where: groupIds ? { groupId: In(groupIds) } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: AUDIT_LIMIT,
    });
    const actors = await this.users.publicProfiles([...new Set(entries.map((e) => e.actorId))]);
    return entries.map((e) => ({
      id: e.id,
      actor: actors.get(e.actorId) ?? null,
      action: e.action,
      target: { userId: e.targetUserId, messageId: e.targetMessageId },
      groupId: e.groupId,
      note: e.note,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
