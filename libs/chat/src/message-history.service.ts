import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { READABLE_BY_VIEWER, selectMessages } from './message-rows';
import { MessageView, toMessageView } from './message.view';
import type { ChangesQuery, HistoryQuery } from './messages.dto';

const DEFAULT_LIMIT = 50;

/**
 * Reading a group's messages. Pages walk UNIQUE (group_id, seq) from a seq,
 * so a page costs the same at any depth of history; changes walk
 * (group_id, change_seq) the same way. A new member's held post is absent
 * for everyone but its author (its seq reads as unused) until it is shown;
 * being shown is a change, so clients whose cursor passed its seq get it
 * from `changes`.
 */
@Injectable()
export class MessageHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
  ) {}

  async page(
    user: AuthUser,
    groupId: string,
    query: HistoryQuery,
  ): Promise<{ items: MessageView[]; nextCursor: number | null }> {
    if (query.before !== undefined && query.after !== undefined) {
      throw Errors.validation([{ field: 'after', problem: 'cannot be combined with before' }]);
    }
    const { canModerate } = await this.access.require(user, groupId, 'member');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const forward = query.after !== undefined;
    const where = forward
      ? 'm.group_id = $2 AND m.seq > $3'
      : query.before !== undefined
        ? 'm.group_id = $2 AND m.seq < $3'
        : 'm.group_id = $2 AND $3::bigint IS NULL';
    const rows = await selectMessages(
      this.db.manager,
      user.id,
      `${where} AND ${READABLE_BY_VIEWER}`,
      [groupId, query.after ?? query.before ?? null, limit + 1],
      `ORDER BY m.seq ${forward ? 'ASC' : 'DESC'} LIMIT $4`,
    );
    const more = rows.length > limit;
    const items = rows
      .slice(0, limit)
      .map((row) => toMessageView(row, { id: user.id, canModerate }));
    return { items, nextCursor: more ? items[items.length - 1].seq : null };
  }

  /**
   * Messages changed after `since`, oldest change first, each once in its
   * latest state. Without `since`: the current cursor and nothing else.
   * The cursor is the group's highest committed change_seq (never the
   * sequence's value, which may run ahead of uncommitted changes).
   */
  async changes(
    user: AuthUser,
    groupId: string,
    query: ChangesQuery,
  ): Promise<{ items: MessageView[]; nextCursor: string }> {
    const { canModerate } = await this.access.require(user, groupId, 'member');
    if (query.since === undefined) {
      const [{ cursor }]: { cursor: string }[] = await this.db.query(
        `SELECT coalesce(max(change_seq), 0)::text AS cursor FROM messages
         WHERE group_id = $1 AND change_seq IS NOT NULL`,
        [groupId],
      );
      return { items: [], nextCursor: cursor };
    }
    const rows = await selectMessages(
      this.db.manager,
      user.id,
      `m.group_id = $2 AND m.change_seq > $3::bigint AND ${READABLE_BY_VIEWER}`,
      [groupId, query.since, query.limit ?? DEFAULT_LIMIT],
      'ORDER BY m.change_seq ASC LIMIT $4',
    );
    const items = rows.map((row) => toMessageView(row, { id: user.id, canModerate }));
    const last = rows[rows.length - 1];
    return { items, nextCursor: last ? String(last.change_seq) : String(BigInt(query.since)) };
  }
}
