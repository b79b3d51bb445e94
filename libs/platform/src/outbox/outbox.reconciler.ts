import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { Reconciler } from '../queue/recurring-pass';
import { QueueConnections } from '../queue/queue-connections';
import { OutboxRelay, PendingRow } from './outbox.relay';

const PAGE = 1000;

/**
 * Adds again every relayed job the outbox still owes (sent, not done) — at
 * start, every RECONCILE_INTERVAL and whenever Redis is back from an outage —
 * so that a Redis that lost its data (FLUSHALL, a restart without
 * persistence) loses no job that must follow a write: screening, e-mails,
 * session and reminder jobs alike. While BullMQ still holds a job, adding it
 * again is a no-op; a job that did its work is marked done and never re-added.
 */
@Injectable()
export class OutboxReconciler extends Reconciler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    env: Env,
    private readonly relay: OutboxRelay,
    connections: QueueConnections,
  ) {
    super(new Logger(OutboxReconciler.name), 'Owed outbox jobs', env, connections);
  }

  async reconcile(): Promise<number> {
    let added = 0;
    let after = '';
    for (;;) {
      // In job id order, along the outbox_owed index.
      const rows: PendingRow[] = await this.db.query(
        `SELECT id, queue, job_name, job_id, payload, run_at FROM outbox
         WHERE done_at IS NULL AND sent_at IS NOT NULL AND job_id > $1
         ORDER BY job_id LIMIT $2`,
        [after, PAGE],
      );
      if (rows.length === 0) return added;
      await this.relay.add(rows);
      added += rows.length;
      after = rows[rows.length - 1].job_id;
    }
  }
}
