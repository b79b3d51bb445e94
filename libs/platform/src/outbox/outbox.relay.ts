import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { Env } from '../config/env';
import { QueueConnections } from '../queue/queue-connections';
import { QUEUES, QueueName } from '../queue/queues';
import { joinJobs, RelayRow } from './join-jobs';
import { OUTBOX_CHANNEL } from './outbox.service';

const BATCH = 200;
const POLL_MS = 1000;
/**
 * Under load every commit notifies; waiting this long after a notification
 * lets one pass relay the rows of many commits, joined into one screening job
 * (each pass is a transaction and a Redis round trip, each job a few more, and
 * on a 2-core host each round trip costs the worker a few tenths of a
 * millisecond of CPU), at a cost far below the 2 s crisis alerts allow. In
 * the fan-out bench 50 ms rather than 15 took the worker from 31–34 % of a
 * core to 26–34 %. 100 ms (tried with a batch's two UPDATEs made one) took
 * it from 23 % to 19 % at 800 sends/s but doubled the screening bench's
 * commit → review item p99 (267 ms to 459–544, max 1,088): not worth it.
 */
const COALESCE_MS = 50;
const REDIS_TIMEOUT_MS = 3000;
const KEEP_DONE_MS = 24 * 3600 * 1000;
/**
 * A job still not done a week after it fell due has failed for good (BullMQ
 * keeps a failed job that long too): its row is owed no more.
 */
const GIVE_UP_MS = 7 * 24 * 3600 * 1000;
/** Done rows are kept a day: pruning once a minute is plenty, and spares busy passes a query. */
const PRUNE_EVERY_MS = 60_000;

export interface PendingRow {
  id: string;
  queue: QueueName;
  job_name: string;
  job_id: string;
  payload: object;
  run_at: Date | null;
}

/**
 * Moves outbox rows into BullMQ with their deterministic job ids and marks
 * them sent. Rows stay pending while Redis is down and go out when it is back;
 * any number of processes may relay at once (SKIP LOCKED, and BullMQ ignores
 * a job id it already holds). Woken by NOTIFY on commit, polled as a fallback.
 * A sent row stays owed until its job has done its work (QueueWorkers marks
 * it done); the OutboxReconciler adds owed jobs again after Redis lost them.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<QueueName, Queue>;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private coalescing?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeAgain = false;
  private lastPruneMs = -Infinity;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly connections: QueueConnections,
    @InjectQueue(QUEUES.moderation) moderation: Queue,
    @InjectQueue(QUEUES.sessions) sessions: Queue,
    @InjectQueue(QUEUES.reminders) reminders: Queue,
    @InjectQueue(QUEUES.email) email: Queue,
    @InjectQueue(QUEUES.checkins) checkins: Queue,
  ) {
    this.queues = { moderation, sessions, reminders, email, checkins };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.coalescing);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays now, or right after the pass in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = this.relayPending()
      .then(() => undefined)
      .catch((error: Error) => {
        // QueueConnections says once that Redis is down; each pass need not.
        if (!this.connections.redisDown)
          this.logger.warn({ err: error.message }, 'Outbox relay pass failed; will retry');
      })
      .finally(() => {
        this.running = undefined;
        // Commits that notified during the pass wait out the coalescing too: relayed at once,
        // a busy chat would make every pass (and every screening job) a handful of rows.
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wakeSoon();
        }
      });
  }

  /** Relays shortly, once for all the notifications until then. */
  private wakeSoon(): void {
    if (this.stopped || this.coalescing) return;
    this.coalescing = setTimeout(() => {
      this.coalescing = undefined;
      this.wake();
    }, COALESCE_MS);
  }

  /** Relays every pending row; returns how many were sent. */
  async relayPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.relayBatch();
      sent += batch;
      if (batch < BATCH) break;
    }
    if (sent > 0 && this.clock.nowMs() - this.lastPruneMs >= PRUNE_EVERY_MS) await this.prune();
    return sent;
  }

  /**
   * Relays one batch of rows, joinable ones joined (joinJobs). A carrier takes its joined job's
   * id and data, so it is what stays owed and what the reconciler adds again; the rows it
   * absorbed are done. A worker that finishes a joined job before this commits finds the carrier
   * under its old id (carrierJobIdBefore) and waits for the commit to mark it done.
   */
  private relayBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: RelayRow[] = await tx.query(
        `SELECT id, queue, job_name, job_id, payload, run_at, joinable FROM outbox
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const { jobs, carriers, absorbed } = joinJobs(rows);
      await this.add(jobs);
      // One statement for the whole batch: every round trip costs a busy worker CPU.
      await tx.query(
        `UPDATE outbox SET sent_at = now(), done_at = CASE WHEN outbox.id = ANY($2) THEN now() END,
                job_id = coalesce(c.job_id, outbox.job_id), payload = coalesce(c.payload, outbox.payload)
         FROM unnest($1::bigint[]) AS r(id)
         LEFT JOIN unnest($3::bigint[], $4::text[], $5::jsonb[]) AS c(id, job_id, payload) ON c.id = r.id
         WHERE outbox.id = r.id`,
        [
          rows.map((r) => r.id),
          absorbed,
          carriers.map((c) => c.id),
          carriers.map((c) => c.job_id),
          carriers.map((c) => JSON.stringify(c.payload)),
        ],
      );
      return rows.length;
    });
  }

  /**
   * Adds rows' jobs to their queues with their ids, bounded in time: BullMQ
   * would wait out an outage, and the relay holds its rows meanwhile. Adding
   * a job again (the OutboxReconciler) is a no-op while BullMQ holds its id.
   */
  add(rows: PendingRow[]): Promise<void> {
    return withTimeout(this.enqueue(rows), REDIS_TIMEOUT_MS);
  }

  private async enqueue(rows: PendingRow[]): Promise<void> {
    const now = this.clock.nowMs();
    const byQueue = new Map<QueueName, PendingRow[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    await Promise.all(
      [...byQueue].map(([queue, queued]) =>
        this.queues[queue].addBulk(
          queued.map((row) => ({
            name: row.job_name,
            data: row.payload,
            opts: {
              jobId: row.job_id,
              delay: row.run_at ? Math.max(0, new Date(row.run_at).getTime() - now) : undefined,
            },
          })),
        ),
      ),
    );
  }

  private async prune(): Promise<void> {
    const now = this.clock.nowMs();
    this.lastPruneMs = now;
    await this.db.query(
      `DELETE FROM outbox WHERE done_at < $1
         OR (done_at IS NULL AND sent_at IS NOT NULL AND coalesce(run_at, sent_at) < $2)`,
      [new Date(now - KEEP_DONE_MS), new Date(now - GIVE_UP_MS)],
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.env.DATABASE_URL });
    client.on('notification', () => this.wakeSoon());
    // A lost listener only costs latency: the poll still relays.
    client.on('error', () => undefined);
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
