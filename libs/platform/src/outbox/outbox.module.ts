import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxCompletions } from './outbox-completions';
import { OutboxRow } from './outbox.entity';
import { OutboxReconciler } from './outbox.reconciler';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';

/** Writing outbox rows, and marking them done: every process that commits changes or runs jobs. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxRow])],
  providers: [OutboxService, OutboxCompletions],
  exports: [OutboxService, OutboxCompletions],
})
export class OutboxModule {}

/**
 * Relaying them to BullMQ, and adding again the jobs Redis lost: background
 * work, so it runs where the processors run (the worker app, or the API with
 * RUN_WORKERS) and API processes spend nothing on it (DESIGN.md places the
 * relay in apps/worker).
 */
@Module({
  providers: [OutboxRelay, OutboxReconciler],
  exports: [OutboxRelay, OutboxReconciler],
})
export class OutboxRelayModule {}
