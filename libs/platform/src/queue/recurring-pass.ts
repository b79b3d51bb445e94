import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
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
