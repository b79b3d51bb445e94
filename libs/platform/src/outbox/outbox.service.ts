import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobSpec } from '../queue/queues';
import { OutboxRow } from './outbox.entity';

export const OUTBOX_CHANNEL = 'kintsugi_outbox';

/** Features call this inside their own transaction (DESIGN.md invariant 4). */
@Injectable()
export class OutboxService {
  async add(tx: EntityManager, ...jobs: JobSpec[]): Promise<void> {
    if (jobs.length === 0) return;
    await tx.insert(
      OutboxRow,
      jobs.map((job) => ({
        queue: job.queue,
        jobName: job.name,
        jobId: job.jobId,
        payload: job.data,
        runAt: job.runAt ?? null,
      })),
    );
    // Delivered on commit only, so the relay wakes exactly when the rows are visible.
    await tx.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }
}
