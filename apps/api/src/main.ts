import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import {
  exitGracefullyOnSignals,
  InvalidEnvError,
  loadEnv,
  prepareDatabase,
  startupLogger,
} from '@kintsugi/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const env = loadEnv();
  await prepareDatabase(env.DATABASE_URL, startupLogger(env));
  const app = await createApiApp(env);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, (message) => logger.log(message));
  await app.listen(env.PORT);
  logger.log(`Kintsugi API listening on port ${env.PORT}`);
}

main().catch((error: Error) => {
  console.error(error instanceof InvalidEnvError ? error.message : error);
  process.exit(1);
});
