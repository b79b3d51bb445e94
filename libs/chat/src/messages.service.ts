import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import { PersonalDataRegistry, PublicUser } from '@kintsugi/identity';
import { ChatBroadcaster } from './chat.broadcaster';
import { lockGroupChanges, markChanged, selectMessage, selectMessages } from './message-rows';
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
  /** Never shown to the group (a new member's held post, or one hidden or removed before it was shown). */
  withheld: boolean;
  createdAt: Date;
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

  /** With `lock` (inside `tx`), the row stays locked until commit: an edit waits for the caller's decision. */
  async forScreening(
    messageId: string,
    tx?: EntityManager,
    lock = false,
  ): Promise<MessageForScreening | null> {
    const [row] = await (tx ?? this.db.manager).query<ScreeningRow[]>(
      `${SCREENING_COLUMNS} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [messageId],
    );
    return row ? toScreening(row) : null;
  }

  /** Many messages in one query (a screening batch); those that are gone are absent from the map. */
  async forScreeningAll(messageIds: string[]): Promise<Map<string, MessageForScreening>> {
    const rows = await this.db.query<ScreeningRow[]>(`${SCREENING_COLUMNS} WHERE id = ANY($1)`, [
      messageIds,
    ]);
    return new Map(rows.map((row) => [row.id, toScreening(row)]));
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
   * `removed` so the author knows why; `visible` clears it, and shows a
   * withheld message (a new member's held post) to the group for the first
   * time. Hiding or removing never un-withholds: a message the group never
   * saw does not turn up for it as a placeholder.
   */
  async setStatus(
    tx: EntityManager,
    messageId: string,
    status: Exclude<MessageStatus, 'pending'>,
    hiddenReason: HiddenReason | null = null,
  ): Promise<void> {
    const [row]: { group_id: string }[] = await tx.query(
      `WITH u AS (
         UPDATE messages SET status = $2::varchar, hidden_reason = $3,
           withheld = withheld AND $2::varchar <> 'visible'
         WHERE id = $1 RETURNING group_id)
       SELECT group_id FROM u`,
      [messageId, status, status === 'visible' ? null : hiddenReason],
    );
    if (!row) throw Errors.notFound('That message');
    await markChanged(tx, row.group_id, messageId);
  }

  /**
   * Shows a held post to the group for the first time, inside the caller's
   * transaction, if it is still pending with the text the caller screened.
   * The group's change lock is taken before the row, in the order an edit
   * takes them, so the two queue rather than deadlock; an edit that commits
   * first changes the body and this shows nothing. Returns `edited` when the
   * post is still pending with another text (screen that one first).
   */
  async showHeld(
    tx: EntityManager,
    groupId: string,
    messageId: string,
    screenedBody: string,
  ): Promise<'shown' | 'edited' | 'not_pending'> {
    await lockGroupChanges(tx, groupId);
    const shown: unknown[] = await tx.query(
      `WITH s AS (
         UPDATE messages SET status = 'visible', hidden_reason = NULL, withheld = false,
           change_seq = nextval('message_change_seq')
         WHERE id = $1 AND group_id = $2 AND status = 'pending' AND body = $3 RETURNING id)
       SELECT id FROM s`,
      [messageId, groupId, screenedBody],
    );
    if (shown.length > 0) return 'shown';
    const current = await this.forScreening(messageId, tx);
    return current?.status === 'pending' ? 'edited' : 'not_pending';
  }

  /**
   * After commit: tells the group's sockets what a status change did (only
   * the author's, for a message the group was never shown). A held post
   * shown at last reaches the group as `message:updated`.
   */
  async announce(messageId: string): Promise<void> {
    const row = await selectMessage(this.db.manager, null, messageId);
    if (!row) return;
    if (row.status === 'removed')
      this.broadcaster.messageRemoved(
        row.group_id,
        row.id,
        row.withheld ? row.author_id : undefined,
      );
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

const SCREENING_COLUMNS = `SELECT id, group_id, author_id, body, status, withheld, created_at, edited_at
  FROM messages`;

interface ScreeningRow {
  id: string;
  group_id: string;
  author_id: string;
  body: string;
  status: MessageStatus;
  withheld: boolean;
  created_at: Date;
  edited_at: Date | null;
}

const toScreening = (row: ScreeningRow): MessageForScreening => ({
  id: row.id,
  groupId: row.group_id,
  authorId: row.author_id,
  body: row.body,
  status: row.status,
  withheld: row.withheld,
  createdAt: row.created_at,
  editedAt: row.edited_at,
});
