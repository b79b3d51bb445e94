import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import { PersonalDataRegistry, PublicUser } from '@kintsugi/identity';
import { ChatBroadcaster } from './chat.broadcaster';
import { markChanged, selectMessage, selectMessages } from './message-rows';
import type { HiddenReason, MessageStatus } from './message.entity';
import { MessageView, toMessageView } from './message.view';

/** A message as a moderator reviews it: the full text whatever its status. */
export interface MessageForReview {
  message: MessageView;
  group: { id: string; name: string };
  /** null once the author erased their account. */
  author: PublicUser | null;
  authorId: string;
}

/** What the screening job needs, no more. */
export interface MessageForScreening {
  id: string;
  groupId: string;
  authorId: string;
  body: string;
  status: MessageStatus;
  editedAt: Date | null;
}

const MODERATOR = { id: '', canModerate: true };

/**
 * The chat's front door for other features (moderation, sessions, identity's
 * export). Status changes are written in the caller's transaction; the
 * caller announces them after commit with `announce`.
 */
@Injectable()
export class MessagesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly broadcaster: ChatBroadcaster,
    private readonly personalData: PersonalDataRegistry,
  ) {}

  onModuleInit(): void {
    this.personalData.addExporter('messages', (userId, tx) => this.exportOwn(userId, tx));
  }

  async forScreening(messageId: string, tx?: EntityManager): Promise<MessageForScreening | null> {
    const [row]: {
      id: string;
      group_id: string;
      author_id: string;
      body: string;
      status: MessageStatus;
      edited_at: Date | null;
    }[] = await (tx ?? this.db.manager).query(
      `SELECT id, group_id, author_id, body, status, edited_at FROM messages WHERE id = $1`,
      [messageId],
    );
    return row
      ? {
          id: row.id,
          groupId: row.group_id,
          authorId: row.author_id,
          body: row.body,
          status: row.status,
          editedAt: row.edited_at,
        }
      : null;
  }

  async forReview(messageId: string, tx?: EntityManager): Promise<MessageForReview> {
    const db = tx ?? this.db.manager;
    const row = await selectMessage(db, null, messageId);
    if (!row) throw Errors.notFound('That message');
    const [group]: { id: string; name: string }[] = await db.query(
      `SELECT id, name FROM groups WHERE id = $1`,
      [row.group_id],
    );
    const message = { ...toMessageView(row, MODERATOR), body: row.body };
    return { message, group, author: message.author, authorId: row.author_id };
  }

  /** Up to `count` messages before `seq` in the group, oldest first, as a moderator sees them. */
  async context(
    groupId: string,
    seq: number,
    count = 5,
    tx?: EntityManager,
  ): Promise<MessageView[]> {
    const rows = await selectMessages(
      tx ?? this.db.manager,
      null,
      'm.group_id = $2 AND m.seq < $3',
      [groupId, seq, count],
      'ORDER BY m.seq DESC LIMIT $4',
    );
    return rows.reverse().map((row) => toMessageView(row, MODERATOR));
  }

  /**
   * Hides, shows again or removes a message inside the caller's transaction
   * (with its review item and audit entry). `hiddenReason` is kept for
   * `removed` so the author knows why; `visible` clears it.
   */
  async setStatus(
    tx: EntityManager,
    messageId: string,
    status: MessageStatus,
    hiddenReason: HiddenReason | null = null,
  ): Promise<void> {
    const [row]: { group_id: string }[] = await tx.query(
      `WITH u AS (UPDATE messages SET status = $2, hidden_reason = $3 WHERE id = $1 RETURNING group_id)
       SELECT group_id FROM u`,
      [messageId, status, status === 'visible' ? null : hiddenReason],
    );
    if (!row) throw Errors.notFound('That message');
    await markChanged(tx, row.group_id, messageId);
  }

  /** After commit: tells the group's sockets what a status change did. */
  async announce(messageId: string): Promise<void> {
    const row = await selectMessage(this.db.manager, null, messageId);
    if (!row) return;
    if (row.status === 'removed') this.broadcaster.messageRemoved(row.group_id, row.id);
    else this.broadcaster.messageUpdated(row);
  }

  private async exportOwn(userId: string, tx: EntityManager): Promise<unknown> {
    const rows = await selectMessages(
      tx,
      userId,
      'm.author_id = $2',
      [userId],
      'ORDER BY m.created_at',
    );
    return rows.map((row) => ({
      ...toMessageView(row, { id: userId, canModerate: false }),
      body: row.body,
    }));
  }
}
