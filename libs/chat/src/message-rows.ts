import type { EntityManager } from 'typeorm';
import { pseudonymJoin } from '@kintsugi/groups';
import type { MessageRow } from './message.view';

/**
 * The columns every view needs, with reaction counts and the viewer's own
 * reactions read through message_reactions' primary key. `$1` is the viewer.
 * The author is shown as they appear in the message's group (a pseudonym's
 * id and name when they use one there), joined here, not looked up per row.
 */
const MESSAGE_SELECT = `
  SELECT m.id, m.group_id, m.seq, m.author_id,
         coalesce(gp.id, u.id) AS author_shown_id,
         coalesce(gp.pseudonym, u.handle) AS author_handle,
         (u.erased_at IS NOT NULL) AS author_erased, m.client_id, m.body, m.status,
         m.hidden_reason, m.withheld, m.session_id, m.change_seq, m.created_at, m.edited_at,
         (SELECT json_object_agg(c.kind, c.n) FROM
            (SELECT r.kind, count(*)::int AS n FROM message_reactions r
             WHERE r.message_id = m.id GROUP BY r.kind) c) AS counts,
         (SELECT array_agg(r.kind ORDER BY r.kind) FROM message_reactions r
          WHERE r.message_id = m.id AND r.user_id = $1) AS mine
  FROM messages m LEFT JOIN users u ON u.id = m.author_id
  ${pseudonymJoin('gp', 'm.group_id', 'm.author_id')}`;

/**
 * What a member other than the author may read: a withheld message (a new
 * member's held post, never shown) is absent for them, as if its seq were
 * unused, until it is shown. `$1` is the viewer.
 */
export const READABLE_BY_VIEWER = `(NOT m.withheld OR m.author_id = $1)`;

/**
 * Reads messages as views need them. `where` and `tail` use parameters from
 * `$2` on; `$1` is the viewer (may be null: no `mine`).
 */
export async function selectMessages(
  db: EntityManager,
  viewerId: string | null,
  where: string,
  params: unknown[],
  tail = '',
): Promise<MessageRow[]> {
  const rows: MessageRow[] = await db.query(`${MESSAGE_SELECT} WHERE ${where} ${tail}`, [
    viewerId,
    ...params,
  ]);
  return rows;
}

export async function selectMessage(
  db: EntityManager,
  viewerId: string | null,
  messageId: string,
): Promise<MessageRow | null> {
  const [row] = await selectMessages(db, viewerId, 'm.id = $2', [messageId]);
  return row ?? null;
}

/**
 * Gives a message the next change_seq. The per-group advisory lock makes
 * change_seq values commit in order within a group, so a reader whose
 * cursor passed value N can never later find a committed change below N.
 */
export async function markChanged(
  tx: EntityManager,
  groupId: string,
  messageId: string,
): Promise<void> {
  await lockGroupChanges(tx, groupId);
  await tx.query(`UPDATE messages SET change_seq = nextval('message_change_seq') WHERE id = $1`, [
    messageId,
  ]);
}

export async function lockGroupChanges(tx: EntityManager, groupId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CHANGE_LOCK_CLASS, groupId]);
}

/** Advisory lock class of "changes in group X" (two-key form, so it cannot meet other locks). */
const CHANGE_LOCK_CLASS = 7_411_001;
