import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  configureHttp,
  Env,
  MetricsService,
  notFoundFallback,
  RedisIoAdapter,
} from '@kintsugi/platform';
import { UNSUBSCRIBE_PATH } from '@kintsugi/notifications';
import { ApiModule } from './api.module';
import { serveWebApp } from './web-app';

/** Builds the API exactly as production runs it; main.ts and the e2e tests both use this. */
export async function createApiApp(env: Env): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(env), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.use(app.get(MetricsService).httpTimer());
  configureHttp(app, { formPaths: [UNSUBSCRIBE_PATH] });
  app.useWebSocketAdapter(new RedisIoAdapter(app, env.REDIS_URL, env.REDIS_PREFIX));
  await app.init();
  serveWebApp(app);
  app.use(notFoundFallback);
  return app;
}
