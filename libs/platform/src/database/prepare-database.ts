import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Where start-up steps report; main.ts passes its JSON logger. */
export type StartupLog = (message: string) => void;
const silent: StartupLog = () => undefined;

/** Any fixed number; every Kintsugi process that migrates takes this lock. */
const MIGRATION_LOCK = 727_001;
const DUPLICATE_DATABASE = '42P04';

/** Creates the target database when it does not exist; safe when several processes start at once. */
export async function ensureDatabase(databaseUrl: string, log: StartupLog = silent): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
        .catch((error: { code?: string }) => {
          if (error.code !== DUPLICATE_DATABASE) throw error;
        });
      log(`Created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Runs pending migrations under an advisory lock so two processes never race. */
export async function runMigrations(
  databaseUrl: string,
  log: StartupLog = silent,
): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), entities: [] });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length > 0) log(`Ran migrations: ${ran.map((m) => m.name).join(', ')}`);
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}

export async function prepareDatabase(
  databaseUrl: string,
  log: StartupLog = silent,
): Promise<void> {
  await ensureDatabase(databaseUrl, log);
  await runMigrations(databaseUrl, log);
}
