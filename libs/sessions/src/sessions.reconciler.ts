import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, Env, JobSpec, Reconciler, QueueConnections, QUEUES } from '@kintsugi/platform';
import { DiscussionSession } from './session.entity';
import { allJobs, SessionJobs } from './session.jobs';

const PAGE = 1000;

/**
 * Re-creates the jobs of every session not yet over, at worker start, every
 * RECONCILE_INTERVAL and when Redis is back from an outage, so that a Redis
 * loss loses no reminder (DESIGN.md invariant 5). Adding a job id BullMQ
 * still holds is a no-op; a reminder that already went out and is re-run
 * finds its dedupe keys taken. Reminders that were skipped when the session
 * was planned stay skipped (reminders_from), and none is re-added once the
 * session has started. The OutboxReconciler restores these jobs too while
 * their outbox rows are owed; this one also covers sessions planned before
 * the outbox kept its rows until their jobs were done.
 */
@Injectable()
export class SessionsReconciler extends Reconciler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
    @InjectQueue(QUEUES.sessions) private readonly sessionQueue: Queue,
    @InjectQueue(QUEUES.reminders) private readonly reminderQueue: Queue,
    connections: QueueConnections,
  ) {
    super(new Logger(SessionsReconciler.name), 'Session jobs', env, connections);
  }

  async reconcile(): Promise<number> {
    let added = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const sessions = await this.db
        .getRepository(DiscussionSession)
        .createQueryBuilder('s')
        .where(`s.status IN ('scheduled', 'live') AND s.id > :after`, { after })
        .orderBy('s.id')
        .take(PAGE)
        .getMany();
      if (sessions.length === 0) return added;
      const jobs = sessions.flatMap((s) => this.jobsFor(s));
      await this.enqueue(jobs);
      added += jobs.length;
      after = sessions[sessions.length - 1].id;
    }
  }

  private jobsFor(s: DiscussionSession): JobSpec[] {
    if (s.status === 'live' || s.startsAt.getTime() <= this.clock.nowMs())
      return [SessionJobs.start(s), SessionJobs.end(s)];
    return allJobs(s, this.env.reminderOffsets, s.remindersFrom);
  }

  private async enqueue(jobs: JobSpec[]): Promise<void> {
    const now = this.clock.nowMs();
    const toBulk = (queued: JobSpec[]) =>
      queued.map((job) => ({
        name: job.name,
        data: job.data,
        opts: {
          jobId: job.jobId,
          delay: job.runAt ? Math.max(0, job.runAt.getTime() - now) : undefined,
        },
      }));
    await Promise.all([
      this.sessionQueue.addBulk(toBulk(jobs.filter((j) => j.queue === QUEUES.sessions))),
      this.reminderQueue.addBulk(toBulk(jobs.filter((j) => j.queue === QUEUES.reminders))),
    ]);
  }
}
