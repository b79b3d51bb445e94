import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { Env } from '../config/env';
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
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        connection: redisOptions(env.REDIS_URL),
        prefix: `${env.REDIS_PREFIX}-bull`,
      }),
    }),
    ...queues,
  ],
  exports: queues,
})
export class QueueModule {}
