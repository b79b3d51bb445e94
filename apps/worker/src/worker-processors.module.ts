import { Module } from '@nestjs/common';
import { OutboxRelayModule } from '@kintsugi/platform';
import { NotificationsWorkerModule } from '@kintsugi/notifications';
import { SessionsWorkerModule } from '@kintsugi/sessions';
import { ModerationWorkerModule } from '@kintsugi/moderation';
import { CheckInsWorkerModule } from '@kintsugi/checkins';

/**
 * Every feature's BullMQ processors and the outbox relay that feeds them. The
 * worker app runs them alone; the API process imports this module too when
 * RUN_WORKERS is true.
 */
@Module({
  imports: [
    OutboxRelayModule,
    NotificationsWorkerModule,
    SessionsWorkerModule,
    ModerationWorkerModule,
    CheckInsWorkerModule,
  ],
})
export class WorkerProcessorsModule {}
