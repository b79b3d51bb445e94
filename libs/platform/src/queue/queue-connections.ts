import type { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Queue, Worker } from 'bullmq';

/** Errors that say Redis cannot be reached, as opposed to a command Redis refused. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * How long every connection must stay up before the outage counts as over. One name covers
 * several connections (a worker's own and its blocking one), and one that finishes connecting
 * just as Redis goes down says "ready" among the errors: without the wait that read as a
 * recovery, and the next error as a second outage.
 */
const BACK_AFTER_MS = 3000;

export function isRedisUnreachable(error: Error & { code?: string }): boolean {
  return (
    (error.code !== undefined && UNREACHABLE_CODES.has(error.code)) ||
    /Connection is closed|Stream isn't writeable/.test(error.message)
  );
}

/**
 * Every BullMQ queue and worker of the process, watched as one. While Redis
 * is down each of them raises an error on every reconnect attempt (several a
 * second in all), and BullMQ prints each to the console when nobody listens.
 * An operator needs two lines instead: one warning when the queues lose
 * Redis, and one when every queue and worker that lost it has it back. Other
 * errors are real and rare, and are logged each time.
 *
 * QueueModule builds it with every queue, so it listens from their first
 * connection attempt; QueueWorkers hands it the workers as it starts them.
 */
export class QueueConnections {
  private readonly logger = new Logger('Redis');
  /** The queues and workers that lost Redis in the current outage and have not reconnected. */
  private readonly lost = new Set<string>();
  private downSince?: number;
  private backTimer?: NodeJS.Timeout;
  private readonly whenBack: (() => void)[] = [];

  constructor(queues: Queue[]) {
    for (const queue of queues) this.watch(`queue ${queue.name}`, queue);
  }

  /** True from the first failed connection until every queue and worker has been back BACK_AFTER_MS. */
  get redisDown(): boolean {
    return this.downSince !== undefined;
  }

  /** Runs `listener` each time Redis is back after an outage (it may have come back empty). */
  onRedisBack(listener: () => void): void {
    this.whenBack.push(listener);
  }

  watch(name: string, target: Queue | Worker): void {
    // Both emit 'error' (typed apart by BullMQ); the backend's 'ready' follows every (re)connection.
    (target as EventEmitter).on('error', (error: Error) => this.failed(name, error));
    target.getBackend().on('ready', () => this.reconnected(name));
  }

  private failed(name: string, error: Error): void {
    if (!isRedisUnreachable(error)) {
      this.logger.error({ source: name, err: error.message }, 'Queue error');
      return;
    }
    this.lost.add(name);
    clearTimeout(this.backTimer);
    this.backTimer = undefined;
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger.warn(
      { err: error.message },
      'Redis is unreachable: jobs wait, in the outbox or in their queues, until it is back',
    );
  }

  private reconnected(name: string): void {
    this.lost.delete(name);
    if (this.downSince === undefined || this.lost.size > 0 || this.backTimer) return;
    this.backTimer = setTimeout(() => this.back(), BACK_AFTER_MS).unref();
  }

  private back(): void {
    this.backTimer = undefined;
    if (this.downSince === undefined || this.lost.size > 0) return;
    const downForMs = Date.now() - this.downSince;
    this.downSince = undefined;
    this.logger.log({ downForMs }, 'Redis is reachable again');
    for (const listener of this.whenBack) listener();
  }
}
