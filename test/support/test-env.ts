/** Names shared by global setup, teardown and the helpers: one run, its databases and its Redis keys. */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.KINTSUGI_TEST_RUN;
  if (!id)
    throw new Error('KINTSUGI_TEST_RUN is not set: run the tests through jest (global setup)');
  return id;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const templateDatabase = () => `kintsugi_${runId()}_tpl`;
export const databasePrefix = () => `kintsugi_${runId()}_`;
export const redisPrefix = () => `kt-${runId()}`;
