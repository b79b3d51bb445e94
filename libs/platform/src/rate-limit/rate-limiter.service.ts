import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Batcher } from '../batching/batcher';
import { RateLimitSpec } from '../config/durations';
import { Clock } from '../clock/clock';
import { Errors } from '../errors/domain-error';
import { RedisClient } from '../redis/redis.module';

/**
 * A sliding log in one sorted set per key, checked and written atomically, so
 * no burst gets more than `limit` through in any window wherever it falls
 * (fixed-window counters, as most libraries keep, let twice that through
 * around a window edge, which API.md rules out).
 * One call takes a slot for each key in KEYS, in order (ARGV: now, then
 * window, limit and member per key), and answers for each 0 when allowed,
 * else how many ms until the oldest entry leaves. The keys share no slot
 * requirement beyond one Redis: Kintsugi does not run on Redis Cluster.
 */
const SLIDING_LOG = `
local now = tonumber(ARGV[1])
local answers = {}
for i, key in ipairs(KEYS) do
  local at = 2 + (i - 1) * 3
  local window, limit, member = tonumber(ARGV[at]), tonumber(ARGV[at + 1]), ARGV[at + 2]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    answers[i] = math.max(1, tonumber(oldest[2]) + window - now)
  else
    redis.call('ZADD', key, now, member)
    redis.call('PEXPIRE', key, window)
    answers[i] = 0
  end
end
return answers
`;

const MAX_SLOTS_PER_CALL = 500;

export interface RateLimitTicket {
  key: string;
  member: string;
}

interface SlotRequest extends RateLimitTicket {
  spec: RateLimitSpec;
}

type SlidingLogClient = RedisClient & {
  takeSlots(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number[]>;
};

/**
 * Rate limits in Redis. The slots asked for while one call runs are taken
 * together by the next (a chat under load checks a whole batch of sends in
 * one round trip); the script is loaded once and then called by its hash.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: SlidingLogClient;
  private readonly batched = new Batcher<SlotRequest, number>(
    (requests) => this.takeSlots(requests),
    { maxBatch: MAX_SLOTS_PER_CALL },
  );

  constructor(
    redis: RedisClient,
    private readonly clock: Clock,
  ) {
    redis.defineCommand('takeSlots', { lua: SLIDING_LOG });
    this.redis = redis as SlidingLogClient;
  }

  /**
   * Takes one slot of `spec` for `key` or throws RATE_LIMITED. The ticket lets
   * a caller give the slot back (a successful login does not count as failed).
   * If Redis cannot answer, the request is let through: a peer-support chat
   * should not go silent because its abuse counters are unreachable.
   */
  async consume(scope: string, subject: string, spec: RateLimitSpec): Promise<RateLimitTicket> {
    const ticket = { key: this.redis.key('rl', scope, subject), member: randomUUID() };
    let retryAfterMs: number;
    try {
      retryAfterMs = await this.batched.submit({ ...ticket, spec });
    } catch (error) {
      this.logger.warn(
        { scope, err: (error as Error).message },
        'Rate limit not checked: Redis did not answer',
      );
      return ticket;
    }
    if (retryAfterMs > 0) throw Errors.rateLimited(retryAfterMs);
    return ticket;
  }

  /** Gives a consumed slot back. */
  async release(ticket: RateLimitTicket): Promise<void> {
    await this.redis.zrem(ticket.key, ticket.member).catch(() => undefined);
  }

  private async takeSlots(requests: SlotRequest[]): Promise<number[]> {
    const answers = await this.redis.takeSlots(
      requests.length,
      ...requests.map((r) => r.key),
      this.clock.nowMs(),
      ...requests.flatMap((r) => [r.spec.windowMs, r.spec.limit, r.member]),
    );
    return answers.map(Number);
  }
}
