import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { IsUUID } from 'class-validator';
import { QUEUES, validateInput } from '@kintsugi/platform';
import { ScreeningService } from './screening.service';

class ScreenMessageJob {
  @IsUUID()
  messageId: string;
}

/**
 * The moderation queue: one `screen-message` job per new or edited message,
 * written to the outbox by the chat in the message's own transaction. A
 * failure throws, so BullMQ retries with backoff. Locks are short (jobs take
 * milliseconds): when a worker dies mid-job, another takes the job over
 * within seconds rather than BullMQ's default half minute, because the
 * message may be a crisis signal.
 */
@Processor(QUEUES.moderation, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000 })
export class ScreeningProcessor extends WorkerHost {
  constructor(private readonly screening: ScreeningService) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== 'screen-message') throw new UnrecoverableError('Unknown moderation job');
    const { messageId } = await validateInput(ScreenMessageJob, job.data, 'job').catch(() => {
      throw new UnrecoverableError('Malformed screening job data');
    });
    // A stalled job (its worker died) starts again with attemptsStarted above 1.
    await this.screening.screen(messageId, (job.attemptsStarted ?? 1) > 1);
  }
}
