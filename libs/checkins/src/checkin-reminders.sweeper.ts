import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CheckInRemindersService } from './checkin-reminders.service';

/** Often enough that a reminder lands within minutes of the member's 9 a.m.; each pass is one indexed query when nobody is due. */
export const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Runs the weekly-reminder sweep where the processors run (the worker, or the API with
 * RUN_WORKERS), like the sessions reconciler. Several workers may sweep at once: the
 * notifications' dedupe keys make the second one a no-op.
 */
@Injectable()
export class CheckInRemindersSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckInRemindersSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly reminders: CheckInRemindersService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runInBackground(), SWEEP_EVERY_MS);
    this.runInBackground();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runInBackground(): void {
    if (this.running) return;
    this.running = this.reminders
      .sweep()
      .then((sent) => this.logger.debug({ sent }, 'Check-in reminders swept'))
      .catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'Check-in reminder sweep failed; will retry'),
      )
      .finally(() => (this.running = undefined));
  }
}
