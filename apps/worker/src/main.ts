import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { InvalidEnvError, loadEnv, prepareDatabase } from '@kintsugi/platform';
import { WorkerModule } from './worker.module';

/** Runs the queue processors (and the outbox relay) without serving HTTP. */
async function main(): Promise<void> {
  const env = loadEnv();
  await prepareDatabase(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(env), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('Kintsugi worker running');
}

main().catch((error: Error) => {
  console.error(error instanceof InvalidEnvError ? error.message : error);
  process.exit(1);
});
