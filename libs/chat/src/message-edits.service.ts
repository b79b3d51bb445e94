import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, Errors, OutboxService } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccess, GroupAccessService, GroupErrors } from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatJobs } from './chat.jobs';
import { lockGroupChanges, markChanged, selectMessage } from './message-rows';
import type { ReactionKind } from './message.entity';
import { MessageView, toMessageView } from './message.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Target {
  id: string;
  group_id: string;
  author_id: string;
  status: string;
  /** A new member's post the group was never shown: nobody but its author may know it exists. */
  withheld: boolean;
}

/**
 * What members do to existing messages: the author edits or deletes; any
 * member reacts. Each change takes the next change_seq so that clients
 * catching up with `…/messages/changes` see it, and is broadcast after commit.
 */
@Injectable()
export class MessageEditsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly outbox: OutboxService,
    private readonly broadcaster: ChatBroadcaster,
    private readonly clock: Clock,
  ) {}

  /** A new text, screened again like a new message (its own outbox job). */
  async edit(user: AuthUser, messageId: string, body: string): Promise<MessageView> {
    const { target, access } = await this.authorsOwn(user, messageId);
    if (access.mutedUntil) throw GroupErrors.muted(access.mutedUntil);
    await this.db.transaction(async (tx) => {
      await lockGroupChanges(tx, target.group_id);
      const [edited]: { change_seq: string }[] = await tx.query(
        `WITH e AS (
           UPDATE messages SET body = $2, edited_at = $3, change_seq = nextval('message_change_seq')
           WHERE id = $1 AND status <> 'removed' RETURNING change_seq)
         SELECT change_seq FROM e`,
        [messageId, body, this.clock.now()],
      );
      if (!edited) throw notFound();
      await this.outbox.add(tx, ChatJobs.screen(messageId, edited.change_seq));
    });
    return this.announceUpdated(user, access, messageId);
  }

  /** Deleting keeps the row (its seq stays taken) with status removed and no text shown. */
  async remove(user: AuthUser, messageId: string): Promise<void> {
    const { target } = await this.authorsOwn(user, messageId, true);
    if (target.status === 'removed') return;
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE messages SET status = 'removed' WHERE id = $1`, [messageId]);
      await markChanged(tx, target.group_id, messageId);
    });
    this.broadcaster.messageRemoved(
      target.group_id,
      messageId,
      target.withheld ? target.author_id : undefined,
    );
  }

  /**
   * One reaction of each kind per member: a repeat is idempotent (no toggle,
   * so a double tap never undoes it); `unreact` takes one back.
   */
  async react(user: AuthUser, messageId: string, kind: ReactionKind): Promise<MessageView> {
    const { target, access } = await this.reachable(user, messageId);
    const added = await this.db.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO message_reactions (message_id, user_id, kind) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING kind`,
        [messageId, user.id, kind],
      );
      if (rows.length > 0) await markChanged(tx, target.group_id, messageId);
      return rows.length > 0;
    });
    return added
      ? this.announceUpdated(user, access, messageId)
      : this.view(user, access, messageId);
  }

  async unreact(user: AuthUser, messageId: string, kind: ReactionKind): Promise<void> {
    const { target, access } = await this.reachable(user, messageId);
    const removed = await this.db.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `WITH d AS (DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND kind = $3
                    RETURNING kind) SELECT kind FROM d`,
        [messageId, user.id, kind],
      );
      if (rows.length > 0) await markChanged(tx, target.group_id, messageId);
      return rows.length > 0;
    });
    if (removed) await this.announceUpdated(user, access, messageId);
  }

  /** A message of a group the caller may read; a removed one is gone for reactions. */
  private async reachable(
    user: AuthUser,
    messageId: string,
  ): Promise<{ target: Target; access: GroupAccess }> {
    const target = await this.find(messageId);
    const access = await this.access.require(user, target.group_id, 'member');
    if (target.status === 'removed' || unseenBy(user, target)) throw notFound();
    return { target, access };
  }

  /** API.md: editing or deleting another member's message is 403 FORBIDDEN. */
  private async authorsOwn(
    user: AuthUser,
    messageId: string,
    removedToo = false,
  ): Promise<{ target: Target; access: GroupAccess }> {
    const target = await this.find(messageId);
    const access = await this.access.require(user, target.group_id, 'member');
    if (unseenBy(user, target)) throw notFound();
    if (target.author_id !== user.id)
      throw Errors.forbidden('Only its author can change a message.');
    if (target.status === 'removed' && !removedToo) throw notFound();
    return { target, access };
  }

  private async find(messageId: string): Promise<Target> {
    if (!UUID.test(messageId)) throw notFound();
    const [target]: Target[] = await this.db.query(
      `SELECT id, group_id, author_id, status, withheld FROM messages WHERE id = $1`,
      [messageId],
    );
    if (!target) throw notFound();
    return target;
  }

  private async announceUpdated(
    user: AuthUser,
    access: GroupAccess,
    messageId: string,
  ): Promise<MessageView> {
    const row = await selectMessage(this.db.manager, user.id, messageId);
    if (!row) throw notFound();
    this.broadcaster.messageUpdated(row);
    return toMessageView(row, { id: user.id, canModerate: access.canModerate });
  }

  private async view(user: AuthUser, access: GroupAccess, messageId: string): Promise<MessageView> {
    const row = await selectMessage(this.db.manager, user.id, messageId);
    if (!row) throw notFound();
    return toMessageView(row, { id: user.id, canModerate: access.canModerate });
  }
}

const notFound = () => Errors.notFound('That message');

/** A withheld message is absent for everyone but its author, as in history (404, not 403). */
const unseenBy = (user: AuthUser, target: Target): boolean =>
  target.withheld && target.author_id !== user.id;
