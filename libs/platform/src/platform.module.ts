import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { Env } from './config/env';
import { DatabaseModule } from './database/database.module';
import { LoggerModule } from './http/logger.module';
import { MetricsModule } from './metrics/metrics.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { RateLimiter } from './rate-limit/rate-limiter.service';
import { RealtimeModule } from './realtime/realtime.module';
import { RedisModule } from './redis/redis.module';

/** The infrastructure every app needs; no business rules live here. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        OutboxModule,
        RealtimeModule,
        MetricsModule,
      ],
      providers: [Clock, RateLimiter],
      exports: [Clock, RateLimiter],
    };
  }
}
