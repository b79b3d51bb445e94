import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Env } from '../config/env';
import { QueueConnections } from './queue-connections';
import { QueueWorkers } from './queue-workers';
import { QUEUES } from './queues';
import { redisOptions } from './redis-connection';

const queues = Object.values(QUEUES).map((name) =>
  BullModule.registerQueue({
    name,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  }),
);

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        connection: redisOptions(env.REDIS_URL),
        prefix: `${env.REDIS_PREFIX}-bull`,
      }),
      // QueueWorkers starts the workers itself.
      extraOptions: { manualRegistration: true },
    }),
    ...queues,
  ],
  providers: [
    {
      provide: QueueConnections,
      inject: Object.values(QUEUES).map((name) => getQueueToken(name)),
      useFactory: (...all: Queue[]) => new QueueConnections(all),
    },
    QueueWorkers,
  ],
  exports: [...queues, QueueConnections],
})
export class QueueModule {}
