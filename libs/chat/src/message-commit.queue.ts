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
 * One statement takes `count` seqs from the group row and inserts the
 * messages with them, in the order given. The row lock it takes serialises
 * writers of one group until commit, so seq order is commit order.
 */
const INSERT_MESSAGES = `
  WITH next AS (
    UPDATE groups SET last_seq = last_seq + $2::int WHERE id = $1 RETURNING last_seq - $2::int AS base
  )
  INSERT INTO messages (group_id, seq, author_id, client_id, body, session_id)
  SELECT $1, next.base + d.ord, d.author_id, d.client_id, d.body, $6
  FROM next, unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS d(author_id, client_id, body, ord)
  ON CONFLICT (author_id, client_id) DO NOTHING
  RETURNING id, seq, author_id, client_id, created_at, session_id`;

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
      await qr.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [SEND_LOCK_CLASS, groupId]);
      locked = true;
      const results = await this.commitBatch(qr, groupId, batch).catch((error: unknown) => {
        if (error instanceof DuplicateInBatch) return this.commitEach(qr, groupId, batch);
        throw error;
      });
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
  ): Promise<Committed[]> {
    await qr.startTransaction();
    try {
      const tx = qr.manager;
      const sessionId = await this.extensions.liveSessionId(groupId, tx);
      const inserted: InsertedRow[] = await tx.query(INSERT_MESSAGES, [
        groupId,
        batch.length,
        batch.map((d) => d.authorId),
        batch.map((d) => d.clientId),
        batch.map((d) => d.body),
        sessionId,
      ]);
      // A conflict leaves a hole in the seqs just taken: undo, and go one by one.
      if (inserted.length !== batch.length) throw new DuplicateInBatch();
      await this.outbox.add(tx, ...inserted.map((row) => ChatJobs.screen(row.id, 0)));
      await qr.commitTransaction();
      const byKey = new Map(inserted.map((row) => [`${row.author_id}/${row.client_id}`, row]));
      return batch.map((draft) => ({
        row: newRow(groupId, draft, byKey.get(`${draft.authorId}/${draft.clientId}`)!),
        created: true,
      }));
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw error;
    }
  }

  /** After a conflict: each send alone, a retry answering with its original. */
  private async commitEach(
    qr: QueryRunner,
    groupId: string,
    batch: Draft[],
  ): Promise<(Committed | Error)[]> {
    const results: (Committed | Error)[] = [];
    for (const draft of batch) {
      try {
        results.push((await this.commitBatch(qr, groupId, [draft]))[0]);
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
  author_id: string;
  client_id: string;
  created_at: Date;
  session_id: string | null;
}

function newRow(groupId: string, draft: Draft, row: InsertedRow): MessageRow {
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
    session_id: row.session_id,
    change_seq: null,
    created_at: row.created_at,
    edited_at: null,
    counts: null,
    mine: null,
  };
}
