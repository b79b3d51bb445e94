import Redis from 'ioredis';

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Removes every Redis key a bench's API wrote under its prefix (queues, limits, presence). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 10_000) await redis.unlink(...keys.slice(i, i + 10_000));
  } finally {
    redis.disconnect();
  }
}
