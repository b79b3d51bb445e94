import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { Env } from '../config/env';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Structured JSON logs with a request id. Requests are logged by method, path
 * and status only: no bodies, headers, query strings or client addresses, so
 * no personal data (DESIGN.md invariant 2).
 */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req: unknown, res: { statusCode: number }, err?: Error) =>
            err || res.statusCode >= 500 ? 'error' : 'info',
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          redact: { paths: ['*.password', '*.email', '*.token', '*.refreshToken'], remove: true },
        },
      }),
    }),
  ],
})
export class LoggerModule {}

/** JSON logs for the steps before the Nest app exists (creating and migrating the database). */
export function startupLogger(env: Env): (message: string) => void {
  const logger = pino({ level: env.LOG_LEVEL, base: { context: 'Startup' } });
  return (message) => logger.info(message);
}
