import { Clock, DomainError, loadEnv, RateLimiter, RedisClient } from '@kintsugi/platform';
import { redisPrefix, TEST_REDIS_URL } from '../../support/test-env';

class MovableClock extends Clock {
  at = 1_800_000_000_000;
  override now(): Date {
    return new Date(this.at);
  }
}

describe('the sliding-window rate limiter (real Redis)', () => {
  const clock = new MovableClock();
  let redis: RedisClient;
  let limiter: RateLimiter;
  const spec = { limit: 3, windowMs: 10_000, text: '3/10s' };

  beforeAll(() => {
    redis = new RedisClient(
      loadEnv({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${redisPrefix()}-rl` }),
    );
    limiter = new RateLimiter(redis, clock);
  });
  afterAll(() => redis.disconnect());

  const attempt = (subject: string) =>
    limiter.consume('test', subject, spec).then(
      () => 'allowed',
      (error: DomainError) => `${error.code}:${error.retryAfterSeconds}`,
    );

  it('lets no burst through above the limit wherever it falls in the window', async () => {
    expect(await attempt('a')).toBe('allowed');
    clock.at += 8_000;
    expect(await attempt('a')).toBe('allowed');
    expect(await attempt('a')).toBe('allowed');
    // A fixed window would reset here; the sliding log still holds three within 10 s.
    clock.at += 2_500;
    expect(await attempt('a')).toBe('allowed');
    expect(await attempt('a')).toBe('RATE_LIMITED:8');
    clock.at += 7_000;
    expect(await attempt('a')).toMatch(/^RATE_LIMITED/);
    clock.at += 600;
    expect(await attempt('a')).toBe('allowed');
  });

  it('counts each subject on its own, and a released slot is free again', async () => {
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(await limiter.consume('test', 'b', spec));
    expect(await attempt('b')).toMatch(/^RATE_LIMITED/);
    expect(await attempt('c')).toBe('allowed');
    await limiter.release(tickets[0]);
    expect(await attempt('b')).toBe('allowed');
  });

  it('lets exactly the limit through a parallel burst', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('d')));
    expect(results.filter((r) => r === 'allowed')).toHaveLength(3);
  });

  it('takes slots for different keys and limits asked at once, each by its own limit', async () => {
    const tight = { limit: 2, windowMs: 5_000, text: '2/5s' };
    const asked = [
      ...Array.from({ length: 6 }, () => ['e', spec] as const),
      ...Array.from({ length: 6 }, () => ['f', tight] as const),
    ].sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      asked.map(([subject, limit]) =>
        limiter.consume('test', subject, limit).then(
          () => `${subject}:allowed`,
          () => `${subject}:refused`,
        ),
      ),
    );
    expect(results.filter((r) => r === 'e:allowed')).toHaveLength(3);
    expect(results.filter((r) => r === 'f:allowed')).toHaveLength(2);
  });
});
