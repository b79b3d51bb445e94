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
  groupId: string;
  resolve: (result: Committed) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;

/** Advisory lock class of "announcing messages of group X" (two-key form). */
const SEND_LOCK_CLASS = 7_411_002;

/**
 * The lock keys of the batch's groups, distinct and ascending: every
 * process takes them in this order, so two never wait on each other.
 */
const GROUP_KEYS = `SELECT DISTINCT hashtext(g) AS key FROM unnest($2::text[]) AS g ORDER BY key`;

/**
 * One statement takes each group's seqs from its row, inserts the messages
 * with them in the order given, and writes their outbox rows (`$7…`). Being
 * one statement it is its own transaction: no BEGIN/COMMIT round trips, and
 * any error undoes all of it. A group row gone since the access check leaves
 * seq NULL, refused by NOT NULL (so nothing is written), rather than
 * silently inserting nothing.
 */
const insertMessages = (outboxCte: string) => `
  WITH d AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[])
      WITH ORDINALITY AS d(id, group_id, author_id, client_id, body, session_id, ord)
  ), counts AS (
    SELECT group_id, count(*)::int AS n FROM d GROUP BY group_id
  ), next AS (
    UPDATE groups g SET last_seq = g.last_seq + c.n FROM counts c WHERE g.id = c.group_id
    RETURNING g.id, g.last_seq - c.n AS base
  ), ${outboxCte}
  INSERT INTO messages (id, group_id, seq, author_id, client_id, body, session_id)
  SELECT d.id, d.group_id, next.base + row_number() OVER (PARTITION BY d.group_id ORDER BY d.ord),
         d.author_id, d.client_id, d.body, d.session_id
  FROM d LEFT JOIN next ON next.id = d.group_id
  RETURNING id, seq, created_at`;

const UNIQUE_VIOLATION = '23505';
const NOT_NULL_VIOLATION = '23502';

function pgCode(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string } }).driverError?.code;
}

/** A (author, clientId) of the batch exists already, or a group is gone: the statement wrote nothing. */
class Conflict extends Error {}

/**
 * Commits the sends that arrive while the previous commit runs, of every
 * group, as one statement (group commit): under load the process pays one
 * round trip for many messages instead of one transaction per message.
 * Every ack still follows its commit. The batch's groups are announced under
 * session advisory locks (one per group) held from before their seqs are
 * taken until after the broadcast, so sockets on every process receive a
 * group's messages in seq order even when two API processes write to it.
 */
@Injectable()
export class MessageCommitQueue {
  private readonly logger = new Logger(MessageCommitQueue.name);
  private readonly pending: Pending[] = [];
  private draining = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly extensions: ChatExtensions,
    private readonly broadcaster: ChatBroadcaster,
  ) {}

  submit(groupId: string, draft: Draft): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      this.pending.push({ ...draft, groupId, resolve, reject });
      if (!this.draining) void this.drain();
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

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.pending.length > 0) await this.commitAndAnnounce(this.pending.splice(0, MAX_BATCH));
    this.draining = false;
  }

  private async commitAndAnnounce(batch: Pending[]): Promise<void> {
    const groupIds = [...new Set(batch.map((entry) => entry.groupId))];
    const qr = this.db.createQueryRunner();
    let locked = false;
    try {
      await qr.connect();
      // Live sessions are read on another pooled connection while the locks are awaited.
      const [sessions] = await Promise.all([
        this.liveSessions(groupIds),
        qr.query(`SELECT pg_advisory_lock($1, key) FROM (${GROUP_KEYS}) AS keys`, [
          SEND_LOCK_CLASS,
          groupIds,
        ]),
      ]);
      locked = true;
      const results = await this.commitBatch(qr, batch, sessions).catch((error: unknown) => {
        if (error instanceof Conflict) return this.commitEach(qr, batch, sessions);
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
          .query(`SELECT pg_advisory_unlock($1, key) FROM (${GROUP_KEYS}) AS keys`, [
            SEND_LOCK_CLASS,
            groupIds,
          ])
          .catch((error: Error) => this.logger.error({ err: error.message }, 'Could not unlock'));
      await qr.release();
    }
  }

  private liveSessions(groupIds: string[]): Promise<Map<string, string>> {
    return this.extensions.liveSessionIds(groupIds, this.db.manager);
  }

  private async commitBatch(
    qr: QueryRunner,
    batch: Pending[],
    sessions: Map<string, string>,
  ): Promise<Committed[]> {
    // Ids chosen here so the outbox rows can be written by the same statement.
    const ids = batch.map(() => randomUUID());
    const outbox = this.outbox.cte(
      7,
      ids.map((id) => ChatJobs.screen(id, 0)),
    );
    const inserted: InsertedRow[] = await qr
      .query(insertMessages(outbox.cte), [
        ids,
        batch.map((d) => d.groupId),
        batch.map((d) => d.authorId),
        batch.map((d) => d.clientId),
        batch.map((d) => d.body),
        batch.map((d) => sessions.get(d.groupId) ?? null),
        ...outbox.params,
      ])
      .catch((error: unknown) => {
        const code = pgCode(error);
        if (code === UNIQUE_VIOLATION || code === NOT_NULL_VIOLATION) throw new Conflict();
        throw error;
      });
    const byId = new Map(inserted.map((row) => [row.id, row]));
    return batch.map((draft, i) => ({
      row: newRow(draft, byId.get(ids[i])!, sessions.get(draft.groupId) ?? null),
      created: true,
    }));
  }

  /** After a conflict: each send alone, a retry answering with its original. */
  private async commitEach(
    qr: QueryRunner,
    batch: Pending[],
    sessions: Map<string, string>,
  ): Promise<(Committed | Error)[]> {
    const results: (Committed | Error)[] = [];
    for (const draft of batch) {
      try {
        results.push((await this.commitBatch(qr, [draft], sessions))[0]);
      } catch (error) {
        if (!(error instanceof Conflict)) {
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

function newRow(draft: Pending, row: InsertedRow, sessionId: string | null): MessageRow {
  return {
    id: row.id,
    group_id: draft.groupId,
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
