import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';
import { JOINED_JOB_MAX_IDS, QUEUES, validateInput } from '@kintsugi/platform';
import { HeldPostsService } from './held-posts.service';
import { ScreeningService } from './screening.service';

class ScreenMessageJob {
  @IsUUID()
  messageId: string;
}

class ScreenMessagesJob {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(JOINED_JOB_MAX_IDS)
  @IsUUID('all', { each: true })
  messageIds: string[];
}

class ReleaseHeldPostJob {
  @IsUUID()
  itemId: string;
}

/**
 * The moderation queue: a `screen-messages` job per commit batch of new
 * messages (the relay joins the batches waiting at once into one) and a
 * `screen-message` job per edit, written to the outbox by the chat in the
 * messages' own transaction (a batch retried whole screens again
 * what it had screened, which changes nothing: screening is idempotent), and
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
    // A stalled job (its worker died) starts again with attemptsStarted above 1.
    const redelivered = (job.attemptsStarted ?? 1) > 1;
    if (job.name === 'screen-message') {
      const { messageId } = await payload(ScreenMessageJob, job);
      await this.screening.screen(messageId, redelivered);
      return;
    }
    if (job.name === 'screen-messages') {
      const { messageIds } = await payload(ScreenMessagesJob, job);
      await this.screening.screenAll(messageIds, redelivered);
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
