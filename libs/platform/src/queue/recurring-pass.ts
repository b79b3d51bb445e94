import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Env } from '../config/env';
import type { QueueConnections } from './queue-connections';

export interface RecurringPassOptions {
  /** How the log names what a pass does ("Session jobs reconciled"). */
  what: string;
  everyMs: number;
  /**
   * Also run when Redis is back from an outage, and stay quiet while it is down (every pass
   * fails then, and QueueConnections has said so once): for passes that restore what Redis lost.
   */
  redis?: QueueConnections;
}

/**
 * Work done in passes where the processors run: at start, every `everyMs` and (for the
 * reconcilers) whenever Redis is back, never two passes at once. Subclasses say what one pass
 * does, and may run one themselves.
 */
export abstract class RecurringPass implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  protected constructor(
    protected readonly logger: Logger,
    private readonly options: RecurringPassOptions,
  ) {}

  /** One pass; returns how many things it did (jobs added, reminders sent). */
  protected abstract pass(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runInBackground(), this.options.everyMs);
    this.options.redis?.onRedisBack(() => this.runInBackground());
    this.runInBackground();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runInBackground(): void {
    if (this.running) return;
    const { what, redis } = this.options;
    this.running = this.pass()
      .then((count) => this.logger.debug({ count }, `${what}: pass done`))
      .catch((error: Error) => {
        if (!redis?.redisDown)
          this.logger.warn({ err: error.message }, `${what}: pass failed; will retry`);
      })
      .finally(() => (this.running = undefined));
  }
}

/**
 * A recurring pass that adds again the jobs Redis may have lost: every RECONCILE_INTERVAL and
 * whenever Redis is back. `reconcile` is public so that tests can run one pass themselves.
 */
export abstract class Reconciler extends RecurringPass {
  protected constructor(logger: Logger, what: string, env: Env, connections: QueueConnections) {
    super(logger, { what, everyMs: env.reconcileIntervalMs, redis: connections });
  }

  /** One pass; returns how many jobs it asked BullMQ to hold. */
  abstract reconcile(): Promise<number>;

  protected pass(): Promise<number> {
    return this.reconcile();
  }
}
