import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  exitGracefullyOnSignals,
  InvalidEnvError,
  loadEnv,
  prepareDatabase,
  startupLogger,
} from '@kintsugi/platform';
import { lowerPriority } from './lower-priority';
import { WorkerModule } from './worker.module';

/** Runs the queue processors (and the outbox relay) without serving HTTP. */
async function main(): Promise<void> {
  const env = loadEnv();
  lowerPriority(env.WORKER_NICE);
  await prepareDatabase(env.DATABASE_URL, startupLogger(env));
  const app = await NestFactory.createApplicationContext(WorkerModule.register(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  exitGracefullyOnSignals(app, (message) => logger.log(message));
  await app.init();
  logger.log('Kintsugi worker running');
}

main().catch((error: Error) => {
  console.error(error instanceof InvalidEnvError ? error.message : error);
  process.exit(1);
});
