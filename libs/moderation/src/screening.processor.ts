import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { IsUUID } from 'class-validator';
import { QUEUES, validateInput } from '@kintsugi/platform';
import { HeldPostsService } from './held-posts.service';
import { ScreeningService } from './screening.service';

class ScreenMessageJob {
  @IsUUID()
  messageId: string;
}

class ReleaseHeldPostJob {
  @IsUUID()
  itemId: string;
}

/**
 * The moderation queue: one `screen-message` job per new or edited message,
 * written to the outbox by the chat in the message's own transaction, and
 * one delayed `release-held-post` per new member's held post, written by
 * screening with the post's review item. A failure throws, so BullMQ
 * retries with backoff. Locks are short (jobs take milliseconds): when a
 * worker dies mid-job, another takes the job over within seconds rather
 * than BullMQ's default half minute, because the message may be a crisis
 * signal.
 */
@Processor(QUEUES.moderation, { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000 })
export class ScreeningProcessor extends WorkerHost {
  constructor(
    private readonly screening: ScreeningService,
    private readonly heldPosts: HeldPostsService,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'screen-message') {
      const { messageId } = await payload(ScreenMessageJob, job);
      // A stalled job (its worker died) starts again with attemptsStarted above 1.
      await this.screening.screen(messageId, (job.attemptsStarted ?? 1) > 1);
      return;
    }
    if (job.name === 'release-held-post') {
      const { itemId } = await payload(ReleaseHeldPostJob, job);
      await this.heldPosts.release(itemId);
      return;
    }
    throw new UnrecoverableError('Unknown moderation job');
  }
}

function payload<T extends object>(dto: new () => T, job: Job): Promise<T> {
  return validateInput(dto, job.data, 'job').catch(() => {
    throw new UnrecoverableError(`Malformed ${job.name} job data`);
  });
}
