import type { INestApplicationContext } from '@nestjs/common';

/** In-flight requests and jobs get this long to finish after SIGTERM. */
export const SHUTDOWN_GRACE_MS = 15_000;

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests and jobs
 * finish, close sockets, queues and the pool, then exit 0 — or exit 1 if that
 * takes longer than the grace period. (Nest's own shutdown hooks re-raise the
 * signal, which ends the process with 143 rather than 0.)
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  log: (message: string) => void,
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: finishing in-flight work, then exiting`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
