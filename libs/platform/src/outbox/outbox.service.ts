import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobSpec } from '../queue/queues';
import { OutboxRow } from './outbox.entity';

export const OUTBOX_CHANNEL = 'kintsugi_outbox';

/** The outbox rows of some jobs as one CTE of the caller's statement, and its parameters. */
export interface OutboxCte {
  /** `outbox_rows AS (INSERT …)`: put it in the statement's WITH list. */
  cte: string;
  params: unknown[];
}

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
        joinable: job.joinable ?? false,
      })),
    );
    // Delivered on commit only, so the relay wakes exactly when the rows are visible.
    await tx.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  }

  /**
   * Jobs the caller's change made pointless (a moved or cancelled session's),
   * owed no more: the reconciler will not add them again. Their processors
   * re-read and do nothing, so one that runs anyway (already queued) is harmless.
   */
  async withdraw(tx: EntityManager, jobs: JobSpec[]): Promise<void> {
    if (jobs.length === 0) return;
    await tx.query(
      `UPDATE outbox SET done_at = now()
       FROM unnest($1::text[], $2::text[]) AS j(queue, job_id)
       WHERE outbox.done_at IS NULL AND outbox.job_id = j.job_id AND outbox.queue = j.queue`,
      [jobs.map((job) => job.queue), jobs.map((job) => job.jobId)],
    );
  }

  /**
   * The same rows and wake-up as `add`, written by the caller's own statement
   * (a data-modifying CTE), for hot paths where two more round trips per
   * commit count (chat sends). A single statement is atomic on its own, so
   * the jobs still exist exactly when the change does. Parameters are
   * numbered from `firstParam`.
   */
  cte(firstParam: number, jobs: JobSpec[]): OutboxCte {
    const [queue, name, jobId, payload, runAt, joinable] = [0, 1, 2, 3, 4, 5].map(
      (i) => `$${firstParam + i}`,
    );
    return {
      // pg_notify sits in the INSERT's FROM so that it runs with it (a SELECT CTE
      // nobody reads would not); NOTIFY folds repeats within one transaction.
      cte: `outbox_rows AS (
        INSERT INTO outbox (queue, job_name, job_id, payload, run_at, joinable)
        SELECT j.queue, j.job_name, j.job_id, j.payload, j.run_at, j.joinable
        FROM unnest(${queue}::text[], ${name}::text[], ${jobId}::text[], ${payload}::jsonb[], ${runAt}::timestamptz[], ${joinable}::boolean[])
               AS j(queue, job_name, job_id, payload, run_at, joinable),
             (SELECT pg_notify('${OUTBOX_CHANNEL}', '')) AS wake)`,
      params: [
        jobs.map((job) => job.queue),
        jobs.map((job) => job.name),
        jobs.map((job) => job.jobId),
        jobs.map((job) => JSON.stringify(job.data)),
        jobs.map((job) => job.runAt ?? null),
        jobs.map((job) => job.joinable ?? false),
      ],
    };
  }
}
