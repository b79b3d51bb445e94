import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { Batcher, Clock, OutboxService, PreparedStatement } from '@kintsugi/platform';
import { GroupErrors } from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatExtensions } from './chat.extensions';
import { ChatJobs } from './chat.jobs';
import { selectMessages } from './message-rows';
import type { HiddenReason, MessageStatus } from './message.entity';
import type { MessageRow } from './message.view';

export interface Draft {
  authorId: string;
  /** How the author appears in the group (their pseudonym there, or the account). */
  authorShownId: string;
  authorHandle: string;
  clientId: string;
  body: string;
  /** In a group with new-member review, from someone who is not its moderator or an admin. */
  mayBeHeld: boolean;
}

export interface Committed {
  row: MessageRow;
  /** false when (author, clientId) already existed: `row` is the original. */
  created: boolean;
}

interface Queued extends Draft {
  groupId: string;
}

const MAX_BATCH = 200;

/** Advisory lock class of "announcing messages of group X" (two-key form). */
const SEND_LOCK_CLASS = 7_411_002;

/** The committer's connection gives back every announcement lock it holds. */
const UNLOCK_ALL = `SELECT pg_advisory_unlock_all()`;

/** Takes back the previous batch's locks and this batch's; reads the batch; counts it per group. */
const BATCH_HEAD = `
  WITH released AS MATERIALIZED (
    ${UNLOCK_ALL}
  ), locked AS MATERIALIZED (
    SELECT count(pg_advisory_lock($7, key)) AS n
    FROM released, (SELECT DISTINCT hashtext(g::text) AS key FROM unnest($2::uuid[]) AS g ORDER BY key) AS keys
  ), d AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
      WITH ORDINALITY AS d(id, group_id, author_id, client_id, body, ord)
  ), sent AS (
    SELECT $6::timestamptz AS at
  ), counts AS (
    SELECT d.group_id, count(*)::int AS n FROM d, locked GROUP BY d.group_id`;

/**
 * One statement per batch. It first gives back the previous batch's locks
 * (announced by now), then takes one per group of this batch, distinct and
 * ascending so two processes never wait on each other; then each group's
 * seqs from its row, the messages in the order given with the session live
 * in their group (the sessions feature supplies that expression), and their
 * outbox rows (`$8…`). Being one statement it is its own transaction: no
 * BEGIN/COMMIT round trips, and any error undoes every write (the locks are
 * not writes: the next statement or the rest after the batch gives them back).
 * A group row gone since the access check leaves seq NULL, refused by NOT
 * NULL, rather than silently inserting nothing.
 */
const insertMessages = (outboxCte: string, liveSession: string) => `${BATCH_HEAD}
  ), next AS (
    UPDATE groups g SET last_seq = g.last_seq + c.n FROM counts c, sent WHERE g.id = c.group_id
    RETURNING g.id, g.last_seq - c.n AS base, ${liveSession} AS session_id
  ), ${outboxCte}
  INSERT INTO messages (id, group_id, seq, author_id, client_id, body, session_id)
  SELECT d.id, d.group_id, next.base + row_number() OVER (PARTITION BY d.group_id ORDER BY d.ord),
         d.author_id, d.client_id, d.body, next.session_id
  FROM d LEFT JOIN next ON next.id = d.group_id
  RETURNING id, seq, created_at, session_id, status, hidden_reason, withheld`;

/**
 * The same, for a batch with a send that new-member review may hold (in a
 * group with review on, not from its moderator or an admin). A member who
 * joined since review was turned on counts their posts there on their
 * membership row (`new_member_posts`), until the group's number is reached;
 * the row's lock makes that count exact across API processes. A message is
 * held (pending, withheld) while the count before it is below the number.
 * Kept apart from the plain statement so that batches without such a send,
 * almost all of them, run the statement they always ran, planned once.
 */
const insertMessagesHolding = (outboxCte: string, liveSession: string) => `${BATCH_HEAD}
  ), next AS (
    UPDATE groups g SET last_seq = g.last_seq + c.n FROM counts c, sent WHERE g.id = c.group_id
    RETURNING g.id, g.last_seq - c.n AS base, ${liveSession} AS session_id,
              CASE WHEN g.new_member_review THEN g.new_member_review_posts END AS review_posts,
              g.new_member_review_since AS review_since
  ), placed AS MATERIALIZED (
    SELECT d.id, d.group_id, d.author_id, d.client_id, d.body, next.session_id,
           next.review_posts, next.review_since,
           next.base + row_number() OVER (PARTITION BY d.group_id ORDER BY d.ord) AS seq,
           row_number() OVER (PARTITION BY d.group_id, d.author_id ORDER BY d.ord) AS nth
    FROM d LEFT JOIN next ON next.id = d.group_id
  ), counted AS (
    UPDATE memberships m SET new_member_posts = m.new_member_posts + a.n
    FROM (SELECT group_id, author_id, count(*)::int AS n, max(review_posts) AS posts,
                 max(review_since) AS since
          FROM placed WHERE review_posts IS NOT NULL GROUP BY group_id, author_id) a
    WHERE m.group_id = a.group_id AND m.user_id = a.author_id AND m.role = 'member'
      AND m.joined_at >= a.since AND m.new_member_posts < a.posts
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = m.user_id AND 'admin' = ANY(u.roles))
    RETURNING m.group_id, m.user_id, a.posts - (m.new_member_posts - a.n) AS slots
  ), ${outboxCte}
  INSERT INTO messages (id, group_id, seq, author_id, client_id, body, session_id,
                        status, hidden_reason, withheld)
  SELECT p.id, p.group_id, p.seq, p.author_id, p.client_id, p.body, p.session_id,
         CASE WHEN p.nth <= c.slots THEN 'pending' ELSE 'visible' END,
         CASE WHEN p.nth <= c.slots THEN 'new_member_review' END,
         coalesce(p.nth <= c.slots, false)
  FROM placed p LEFT JOIN counted c ON c.group_id = p.group_id AND c.user_id = p.author_id
  RETURNING id, seq, created_at, session_id, status, hidden_reason, withheld`;

const UNIQUE_VIOLATION = '23505';
const NOT_NULL_VIOLATION = '23502';

/** A (author, clientId) of the batch exists already, or a group is gone: the statement wrote nothing. */
class Conflict extends Error {}

/**
 * Commits the sends that arrive while the previous commit runs, of every
 * group, as one statement (group commit): under load the process pays one
 * round trip for many messages instead of one transaction per message.
 * Every ack still follows its commit. A batch's groups are announced under
 * session advisory locks (one per group) held from before their seqs are
 * taken until after the broadcast, so sockets on every process receive a
 * group's messages in seq order even when two API processes write to it.
 * While sends keep coming, batches run back to back on one connection and
 * each statement gives back the locks of the one before; when they stop, the
 * locks are given back and the connection goes back to the pool.
 */
@Injectable()
export class MessageCommitQueue {
  private readonly logger = new Logger(MessageCommitQueue.name);
  private readonly batches = new Batcher<Queued, Committed>((batch) => this.commitBatch(batch), {
    maxBatch: MAX_BATCH,
    whenIdle: () => this.rest(),
  });
  private connection: QueryRunner | null = null;
  /** Built on first use: the sessions feature registers its expression after construction. */
  private insert?: PreparedStatement<InsertedRow>;
  private insertHolding?: PreparedStatement<InsertedRow>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly extensions: ChatExtensions,
    private readonly broadcaster: ChatBroadcaster,
    private readonly clock: Clock,
  ) {}

  submit(groupId: string, draft: Draft): Promise<Committed> {
    return this.batches.submit({ ...draft, groupId });
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

  private async commitBatch(batch: Queued[]): Promise<(Committed | Error)[]> {
    const connection = await this.committer();
    try {
      return await this.commitAndAnnounce(connection, batch);
    } catch (error) {
      if (error instanceof Conflict) return this.commitEach(connection, batch);
      await this.discard(connection, error);
      throw error;
    }
  }

  private async committer(): Promise<QueryRunner> {
    if (!this.connection || this.connection.isReleased) {
      const connection = this.db.createQueryRunner();
      // Kept only once connected: a failed connect leaves nothing behind to retry on.
      await connection.connect();
      this.connection = connection;
    }
    return this.connection;
  }

  /** Between busy spells: the last batch's locks given back, the connection to the pool. */
  private async rest(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    if (connection) await this.giveBack(connection);
  }

  /** After a failed statement the next batch starts on a fresh connection. */
  private async discard(connection: QueryRunner, error: unknown): Promise<void> {
    if (this.connection === connection) this.connection = null;
    this.logger.error({ err: (error as Error).message }, 'Message commit failed');
    await this.giveBack(connection);
  }

  /**
   * A connection that cannot even unlock is broken: pg-pool drops such a
   * client on release, and its session's locks end with it.
   */
  private async giveBack(connection: QueryRunner): Promise<void> {
    if (connection.isReleased) return;
    await connection
      .query(UNLOCK_ALL)
      .catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'Announcement locks not given back'),
      );
    await connection.release();
  }

  private insertStatement(outboxCte: string, holding: boolean): PreparedStatement<InsertedRow> {
    const liveSession = this.extensions.liveSessionSql('g.id', 'sent.at');
    if (holding) {
      this.insertHolding ??= new PreparedStatement(insertMessagesHolding(outboxCte, liveSession));
      return this.insertHolding;
    }
    this.insert ??= new PreparedStatement(insertMessages(outboxCte, liveSession));
    return this.insert;
  }

  /** Commits the batch, then announces what it created before any lock is given back. */
  private async commitAndAnnounce(connection: QueryRunner, batch: Queued[]): Promise<Committed[]> {
    // Ids chosen here so the outbox rows can be written by the same statement.
    const ids = batch.map(() => randomUUID());
    const outbox = this.outbox.cte(8, [ChatJobs.screenSent(ids)]);
    const inserted = await this.insertStatement(
      outbox.cte,
      batch.some((d) => d.mayBeHeld),
    )
      .runOn(connection, [
        ids,
        batch.map((d) => d.groupId),
        batch.map((d) => d.authorId),
        batch.map((d) => d.clientId),
        batch.map((d) => d.body),
        this.clock.now(),
        SEND_LOCK_CLASS,
        ...outbox.params,
      ])
      .catch((error: { code?: string }) => {
        if (error.code === UNIQUE_VIOLATION || error.code === NOT_NULL_VIOLATION)
          throw new Conflict();
        throw error;
      });
    const byId = new Map(inserted.map((row) => [row.id, row]));
    const committed = batch.map((draft, i) => ({
      row: newRow(draft, byId.get(ids[i])!),
      created: true,
    }));
    committed.forEach(({ row }) => this.broadcaster.messageNew(row));
    return committed;
  }

  /**
   * After a conflict: each send alone, a retry answering with its original.
   * Each is announced as it commits; if the connection fails, those not yet
   * committed are refused with its error.
   */
  private async commitEach(
    connection: QueryRunner,
    batch: Queued[],
  ): Promise<(Committed | Error)[]> {
    const results: (Committed | Error)[] = [];
    for (const draft of batch) {
      try {
        results.push(await this.commitOne(connection, draft));
      } catch (error) {
        await this.discard(connection, error);
        return [...results, ...batch.slice(results.length).map(() => error as Error)];
      }
    }
    return results;
  }

  private async commitOne(connection: QueryRunner, draft: Queued): Promise<Committed | Error> {
    try {
      return (await this.commitAndAnnounce(connection, [draft]))[0];
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      const [original] = await selectMessages(
        connection.manager,
        draft.authorId,
        'm.author_id = $2 AND m.client_id = $3',
        [draft.authorId, draft.clientId],
      );
      return original ? { row: original, created: false } : GroupErrors.notFound();
    }
  }
}

interface InsertedRow {
  id: string;
  seq: string;
  created_at: Date;
  session_id: string | null;
  status: MessageStatus;
  hidden_reason: HiddenReason | null;
  withheld: boolean;
}

function newRow(draft: Queued, row: InsertedRow): MessageRow {
  return {
    id: row.id,
    group_id: draft.groupId,
    seq: row.seq,
    author_id: draft.authorId,
    author_shown_id: draft.authorShownId,
    author_handle: draft.authorHandle,
    author_erased: false,
    client_id: draft.clientId,
    body: draft.body,
    status: row.status,
    hidden_reason: row.hidden_reason,
    withheld: row.withheld,
    session_id: row.session_id,
    change_seq: null,
    created_at: row.created_at,
    edited_at: null,
    counts: null,
    mine: null,
  };
}
