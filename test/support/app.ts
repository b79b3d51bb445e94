import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { Env, loadEnv } from '@kintsugi/platform';
import { createApiApp } from '../../apps/api/src/create-api-app';
import {
  ADMIN_DATABASE_URL,
  databasePrefix,
  databaseUrl,
  redisPrefix,
  templateDatabase,
  TEST_REDIS_URL,
} from './test-env';

export const TEST_ADMIN = { handle: 'kintsugi-admin', password: 'admin-password-for-tests' };

export interface TestApp {
  app: NestExpressApplication;
  /** Its database; pass it to another startApp to run a second API process on the same data. */
  database: string;
  env: Env;
  url: string;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template (fast: a file copy, no migrations). */
export async function createTestDatabase(): Promise<string> {
  const name = `${databasePrefix()}${randomBytes(4).toString('hex')}`;
  const pg = new Client({ connectionString: ADMIN_DATABASE_URL });
  await pg.connect();
  try {
    await pg.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
  } finally {
    await pg.end();
  }
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  const pg = new Client({ connectionString: ADMIN_DATABASE_URL });
  await pg.connect();
  try {
    await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await pg.end();
  }
}

/** Environment for one test app: its own database and Redis prefix, fast limits unless a test says otherwise. */
export function testEnvVars(
  database: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${redisPrefix()}-${database.slice(-8)}`,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ADMIN_HANDLE: TEST_ADMIN.handle,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    RATE_LIMIT_LOGIN: '1000/1m',
    RATE_LIMIT_REGISTER: '1000/1m',
    RATE_LIMIT_SEND: '1000/10s',
    RATE_LIMIT_FLAG: '1000/1h',
    ...overrides,
  };
}

/**
 * The real API, as main.ts builds it, on a random port of 127.0.0.1 with its
 * own database and Redis prefix. Workers run in-process unless RUN_WORKERS=false.
 * With `database`, it is a further API process on another app's database and
 * Redis prefix (as when several run behind a load balancer); closing it
 * leaves the database to its owner.
 */
export async function startApp(
  overrides: Record<string, string> = {},
  options: { database?: string } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const env = loadEnv(testEnvVars(database, overrides));
  const app = await createApiApp(env);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    database,
    env,
    url: url.replace('[::1]', '127.0.0.1'),
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      if (!options.database) await dropTestDatabase(database);
    },
  };
}
