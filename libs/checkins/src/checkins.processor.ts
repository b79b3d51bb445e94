import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { IsUUID } from 'class-validator';
import { QUEUES, validateInput } from '@kintsugi/platform';
import { CheckInScreeningService } from './checkin-screening.service';

class ScreenCheckInJob {
  @IsUUID()
  checkInId: string;
}

/**
 * The `checkins` queue: one `screen-checkin` job per check-in with a note. Short locks, as for
 * message screening: a dead worker's job is taken over in seconds, because the note may be a
 * crisis signal. A failure throws, so BullMQ retries with backoff.
 */
@Processor(QUEUES.checkins, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class CheckInsProcessor extends WorkerHost {
  constructor(private readonly screening: CheckInScreeningService) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== 'screen-checkin') throw new UnrecoverableError('Unknown check-in job');
    const { checkInId } = await validateInput(ScreenCheckInJob, job.data, 'job').catch(() => {
      throw new UnrecoverableError('Malformed check-in job data');
    });
    await this.screening.screen(checkInId);
  }
}
