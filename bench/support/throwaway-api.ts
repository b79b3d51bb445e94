import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { loadEnv, prepareDatabase } from '@kintsugi/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { BENCH_REDIS_URL, dropRedisPrefix } from './redis-prefix';

export const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The value at or below which p% of `values` fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs `work` against the real API, built as main.ts builds it, on a database
 * and Redis prefix of its own that are dropped afterwards, whatever happens.
 */
export async function withThrowawayApi(
  name: string,
  env: Record<string, string>,
  work: (url: string, app: NestExpressApplication) => Promise<void>,
): Promise<void> {
  const database = `kintsugi_bench_${name}_${process.pid}`;
  const databaseUrl = Object.assign(new URL(ADMIN_DATABASE_URL), {
    pathname: `/${database}`,
  }).toString();
  const prefix = `bench-${name}-${process.pid}`;
  await prepareDatabase(databaseUrl);
  const app = await createApiApp(
    loadEnv({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      REDIS_URL: BENCH_REDIS_URL,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      ...env,
    }),
  );
  try {
    await app.listen(0, '127.0.0.1');
    await work((await app.getUrl()).replace('[::1]', '127.0.0.1'), app);
  } finally {
    await app.close();
    const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await dropRedisPrefix(prefix);
  }
}

/** Exits 0 when the bench finished, 1 with the error otherwise. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A handle of 12 random letters: valid, and never refused for holding digits. */
export const benchHandle = (prefix = 'bench'): string =>
  `${prefix}-${[...randomBytes(12)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;
