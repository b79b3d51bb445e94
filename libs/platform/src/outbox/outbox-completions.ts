import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Batcher } from '../batching/batcher';
import { carrierJobIdBefore } from './join-jobs';

interface DoneJob {
  queue: string;
  jobId: string;
}

/**
 * Marks outbox rows done once their job has done its work. Until then a row
 * is owed: Redis may lose its job (FLUSHALL, a restart without persistence)
 * and the OutboxReconciler adds it again; once done, it never runs again
 * because of the outbox. Marks that arrive while one UPDATE runs go together
 * in the next, so a busy worker pays one round trip for many jobs.
 */
@Injectable()
export class OutboxCompletions {
  private readonly batcher = new Batcher<DoneJob, void>((jobs) => this.markDone(jobs), {
    maxBatch: 500,
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  record(queue: string, jobId: string): Promise<void> {
    return this.batcher.submit({ queue, jobId });
  }

  private async markDone(jobs: DoneJob[]): Promise<void[]> {
    await this.db.query(
      `UPDATE outbox SET done_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS j(queue, job_id, before_join)
       WHERE outbox.done_at IS NULL AND outbox.queue = j.queue
         AND outbox.job_id IN (j.job_id, j.before_join)`,
      [
        jobs.map((j) => j.queue),
        jobs.map((j) => j.jobId),
        jobs.map((j) => carrierJobIdBefore(j.jobId)),
      ],
    );
    return jobs.map(() => undefined);
  }
}
