import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxRow } from './outbox.entity';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';

/** Writing outbox rows: every process that commits domain changes. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxRow])],
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule {}

/**
 * Relaying them to BullMQ: background work, so it runs where the processors
 * run (the worker app, or the API with RUN_WORKERS) and API processes spend
 * nothing on it (DESIGN.md places the relay in apps/worker).
 */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
