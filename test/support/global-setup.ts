import { prepareDatabase } from '../../libs/platform/src/database/prepare-database';
import { databaseUrl, templateDatabase } from './test-env';

/**
 * One run, one namespace: a migrated template database that every test file
 * clones, and a Redis key prefix, both named after this run so that parallel
 * runs never collide. Workers inherit process.env.
 */
export default async function globalSetup(): Promise<void> {
  process.env.KINTSUGI_TEST_RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  await prepareDatabase(databaseUrl(templateDatabase()));
}
