import { Processor, WorkerHost } from '@nestjs/bullmq';
import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Job, UnrecoverableError } from 'bullmq';
import { Clock, MetricsService, QUEUES, validateInput } from '@kintsugi/platform';
import { RemindersService } from './reminders.service';
import { SessionLifecycleService } from './session-lifecycle.service';

class SessionStartJob {
  @IsUUID()
  sessionId: string;

  @IsISO8601({ strict: true })
  startsAt: string;
}

class SessionEndJob {
  @IsUUID()
  sessionId: string;

  @IsISO8601({ strict: true })
  endsAt: string;
}

class ReminderJob extends SessionStartJob {
  @IsString()
  @Matches(/^\d{1,6}[smhd]$/)
  offset: string;
}

/** Job data is input like any other (DESIGN.md invariant 7); malformed data is never retried. */
async function read<T extends object>(dto: new () => T, job: Job): Promise<T> {
  return validateInput(dto, job.data, 'job').catch(() => {
    throw new UnrecoverableError(`Malformed ${job.name} job data`);
  });
}

function observeLateness(metrics: MetricsService, clock: Clock, job: Job): void {
  const due = job.timestamp + (job.delay ?? 0);
  metrics.jobLateness.observe({ queue: job.queueName }, Math.max(0, clock.nowMs() - due) / 1000);
}

@Processor(QUEUES.sessions, { concurrency: 5 })
export class SessionLifecycleProcessor extends WorkerHost {
  constructor(
    private readonly lifecycle: SessionLifecycleService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    observeLateness(this.metrics, this.clock, job);
    if (job.name === 'session-start') return this.lifecycle.start(await read(SessionStartJob, job));
    if (job.name === 'session-end') return this.lifecycle.end(await read(SessionEndJob, job));
    throw new UnrecoverableError(`Unknown job ${job.name}`);
  }
}

@Processor(QUEUES.reminders, { concurrency: 20 })
export class ReminderProcessor extends WorkerHost {
  constructor(
    private readonly reminders: RemindersService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    observeLateness(this.metrics, this.clock, job);
    await this.reminders.remind(await read(ReminderJob, job));
  }
}
