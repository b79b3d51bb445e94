import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { OutboxService } from '@kintsugi/platform';
import { GroupErrors } from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatExtensions } from './chat.extensions';
import { ChatJobs } from './chat.jobs';
import { selectMessages } from './message-rows';
import type { MessageRow } from './message.view';

export interface Draft {
  authorId: string;
  authorHandle: string;
  clientId: string;
  body: string;
}

export interface Committed {
  row: MessageRow;
  /** false when (author, clientId) already existed: `row` is the original. */
  created: boolean;
}

interface Pending extends Draft {
  resolve: (result: Committed) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 100;

/** Advisory lock class of "announcing messages of group X" (two-key form). */
const SEND_LOCK_CLASS = 7_411_002;

/**
 * One statement takes `count` seqs from the group row, inserts the messages
 * with them in the order given, and writes their outbox rows (`$8…`). Being
 * one statement it is its own transaction: no BEGIN/COMMIT round trips, and
 * any error undoes all of it. The row lock it takes serialises writers of
 * one group until commit, so seq order is commit order. A group row gone
 * since the access check leaves seq NULL, refused by NOT NULL (so nothing
 * is written), rather than silently inserting nothing.
 */
const insertMessages = (outboxCte: string) => `
  WITH next AS (
    UPDATE groups SET last_seq = last_seq + $2::int WHERE id = $1 RETURNING last_seq - $2::int AS base
  ), ${outboxCte}
  INSERT INTO messages (id, group_id, seq, author_id, client_id, body, session_id)
  SELECT d.id, $1, next.base + d.ord, d.author_id, d.client_id, d.body, $7
  FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[]) WITH ORDINALITY AS d(id, author_id, client_id, body, ord)
  LEFT JOIN next ON true
  RETURNING id, seq, created_at`;

const UNIQUE_VIOLATION = '23505';
const NOT_NULL_VIOLATION = '23502';

function pgCode(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string } }).driverError?.code;
}

/** A (author, clientId) of the batch exists already: the statement wrote nothing. */
class DuplicateInBatch extends Error {}

/**
 * Commits messages per group, batching the sends that arrive while the
 * previous commit of that group runs into one transaction (group commit):
 * under load a group pays one transaction for many messages instead of
 * queueing one per message on its row lock. Every ack still follows its
 * commit. Announcing happens before the next batch of the group and under a
 * session advisory lock held from before the seq is taken until after the
 * broadcast, so sockets on every process receive a group's messages in seq
 * order even when two API processes write to the same group.
 */
@Injectable()
export class MessageCommitQueue {
  private readonly logger = new Logger(MessageCommitQueue.name);
  private readonly pending = new Map<string, Pending[]>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly extensions: ChatExtensions,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  submit(groupId: string, draft: Draft): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      const entry = { ...draft, resolve, reject };
      const queue = this.pending.get(groupId);
      if (queue) {
        queue.push(entry);
        return;
      }
      const fresh = [entry];
      this.pending.set(groupId, fresh);
      void this.drain(groupId, fresh);
    });
  }

  /** The message a member already sent with this clientId, if any. */
  async original(authorId: string, clientId: string): Promise<Committed | null> {
    const [row] = await selectMessages(
      this.db.manager,
      authorId,
      'm.author_id = $2 AND m.client_id = $3',
      [authorId, clientId],
    );
    return row ? { row, created: false } : null;
  }

  private async drain(groupId: string, queue: Pending[]): Promise<void> {
    while (queue.length > 0) await this.commitAndAnnounce(groupId, queue.splice(0, MAX_BATCH));
    this.pending.delete(groupId);
  }

  private async commitAndAnnounce(groupId: string, batch: Pending[]): Promise<void> {
    const qr = this.db.createQueryRunner();
    let locked = false;
    try {
      await qr.connect();
      // The live session is read on another pooled connection while the lock is awaited.
      const [sessionId] = await Promise.all([
        this.extensions.liveSessionId(groupId, this.db.manager),
        qr.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [SEND_LOCK_CLASS, groupId]),
      ]);
      locked = true;
      const results = await this.commitBatch(qr, groupId, batch, sessionId).catch(
        (error: unknown) => {
          if (error instanceof DuplicateInBatch)
            return this.commitEach(qr, groupId, batch, sessionId);
          throw error;
        },
      );
      results.forEach((result) => {
        if (!(result instanceof Error) && result.created) this.broadcaster.messageNew(result.row);
      });
      batch.forEach((entry, i) => {
        const result = results[i];
        if (result instanceof Error) entry.reject(result);
        else entry.resolve(result);
      });
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    } finally {
      if (locked)
        await qr
          .query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SEND_LOCK_CLASS, groupId])
          .catch((error: Error) => this.logger.error({ err: error.message }, 'Could not unlock'));
      await qr.release();
    }
  }

  private async commitBatch(
    qr: QueryRunner,
    groupId: string,
    batch: Draft[],
    sessionId: string | null,
  ): Promise<Committed[]> {
    // Ids chosen here so the outbox rows can be written by the same statement.
    const ids = batch.map(() => randomUUID());
    const outbox = this.outbox.cte(
      8,
      ids.map((id) => ChatJobs.screen(id, 0)),
    );
    const inserted: InsertedRow[] = await qr
      .query(insertMessages(outbox.cte), [
        groupId,
        batch.length,
        ids,
        batch.map((d) => d.authorId),
        batch.map((d) => d.clientId),
        batch.map((d) => d.body),
        sessionId,
        ...outbox.params,
      ])
      .catch((error: unknown) => {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new DuplicateInBatch();
        if (pgCode(error) === NOT_NULL_VIOLATION) throw GroupErrors.notFound();
        throw error;
      });
    const byId = new Map(inserted.map((row) => [row.id, row]));
    return batch.map((draft, i) => ({
      row: newRow(groupId, draft, byId.get(ids[i])!, sessionId),
      created: true,
    }));
  }

  /** After a conflict: each send alone, a retry answering with its original. */
  private async commitEach(
    qr: QueryRunner,
    groupId: string,
    batch: Draft[],
    sessionId: string | null,
  ): Promise<(Committed | Error)[]> {
    const results: (Committed | Error)[] = [];
    for (const draft of batch) {
      try {
        results.push((await this.commitBatch(qr, groupId, [draft], sessionId))[0]);
      } catch (error) {
        if (!(error instanceof DuplicateInBatch)) {
          results.push(error as Error);
          continue;
        }
        const [original] = await selectMessages(
          qr.manager,
          draft.authorId,
          'm.author_id = $2 AND m.client_id = $3',
          [draft.authorId, draft.clientId],
        );
        results.push(original ? { row: original, created: false } : GroupErrors.notFound());
      }
    }
    return results;
  }
}

interface InsertedRow {
  id: string;
  seq: string;
  created_at: Date;
}

function newRow(
  groupId: string,
  draft: Draft,
  row: InsertedRow,
  sessionId: string | null,
): MessageRow {
  return {
    id: row.id,
    group_id: groupId,
    seq: row.seq,
    author_id: draft.authorId,
    author_handle: draft.authorHandle,
    author_erased: false,
    client_id: draft.clientId,
    body: draft.body,
    status: 'visible',
    hidden_reason: null,
    session_id: sessionId,
    change_seq: null,
    created_at: row.created_at,
    edited_at: null,
    counts: null,
    mine: null,
  };
}
