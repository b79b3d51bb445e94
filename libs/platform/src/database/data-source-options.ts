import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * The one TypeORM definition shared by the apps, the tests and the migration
 * CLI. Entities live beside their feature; migrations are the only way the
 * schema changes, so synchronize is off.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(ROOT, 'migrations', '[0-9]*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Off: TypeORM would log failed queries with their parameters, which hold personal data.
    logging: false,
    // Idle connections stay open (pg-pool closes them after 10 s by default):
    // a burst of demand (a thousand sockets connecting) opened them all, and
    // closing them together ten seconds later stalled chat sends for about
    // 200 ms (bench/chat-fanout); reopening later costs a backend fork each.
    extra: { max: 20, application_name: 'kintsugi', idleTimeoutMillis: 0 },
  };
}
