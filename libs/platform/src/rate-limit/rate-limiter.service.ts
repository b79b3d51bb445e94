import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RateLimitSpec } from '../config/durations';
import { Clock } from '../clock/clock';
import { Errors } from '../errors/domain-error';
import { RedisClient } from '../redis/redis.module';

/**
 * A sliding log in one sorted set per key, checked and written atomically, so
 * no burst gets more than `limit` through in any window wherever it falls
 * (fixed-window counters, as most libraries keep, let twice that through
 * around a window edge, which API.md rules out).
 * Returns 0 when allowed, else how many ms until the oldest entry leaves.
 */
const SLIDING_LOG = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return 0
`;

export interface RateLimitTicket {
  key: string;
  member: string;
}

@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes one slot of `spec` for `key` or throws RATE_LIMITED. The ticket lets
   * a caller give the slot back (a successful login does not count as failed).
   * If Redis cannot answer, the request is let through: a peer-support chat
   * should not go silent because its abuse counters are unreachable.
   */
  async consume(scope: string, subject: string, spec: RateLimitSpec): Promise<RateLimitTicket> {
    const key = this.redis.key('rl', scope, subject);
    const member = randomUUID();
    let retryAfterMs: number;
    try {
      retryAfterMs = Number(
        await this.redis.eval(
          SLIDING_LOG,
          1,
          key,
          this.clock.nowMs(),
          spec.windowMs,
          spec.limit,
          member,
        ),
      );
    } catch (error) {
      this.logger.warn(
        { scope, err: (error as Error).message },
        'Rate limit not checked: Redis did not answer',
      );
      return { key, member };
    }
    if (retryAfterMs > 0) throw Errors.rateLimited(retryAfterMs);
    return { key, member };
  }

  /** Gives a consumed slot back. */
  async release(ticket: RateLimitTicket): Promise<void> {
    await this.redis.zrem(ticket.key, ticket.member).catch(() => undefined);
  }
}
