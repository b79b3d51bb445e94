import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { InvalidEnvError, loadEnv, prepareDatabase } from '@kintsugi/platform';
import { createApiApp } from './create-api-app';

/** In-flight requests and jobs get this long to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const env = loadEnv();
  await prepareDatabase(env.DATABASE_URL);
  const app = await createApiApp(env);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref());
  }
  await app.listen(env.PORT);
  app.get(Logger).log(`Kintsugi API listening on port ${env.PORT}`);
}

main().catch((error: Error) => {
  console.error(error instanceof InvalidEnvError ? error.message : error);
  process.exit(1);
});
