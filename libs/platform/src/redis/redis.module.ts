import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { Env } from '../config/env';
import { redisOptions } from '../queue/redis-connection';

/**
 * One shared ioredis client for rate limits, presence and readiness checks.
 * Commands wait for a (re)connection but time out after a second, so a Redis
 * outage surfaces as an answer, not a hung request. Commands issued in the
 * same tick go out in one write (auto-pipelining), as when many sockets
 * connect or leave at once.
 */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(Env) readonly env: Env) {
    super({
      ...redisOptions(env.REDIS_URL),
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      enableAutoPipelining: true,
    });
    // Errors surface on each command; without a listener ioredis would log every reconnect attempt.
    this.on('error', () => undefined);
  }

  /** Prefixes a key with this deployment's namespace. */
  key(...parts: string[]): string {
    return [this.env.REDIS_PREFIX, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
