import { Injectable, Logger } from '@nestjs/common';
import { RecurringPass } from '@kintsugi/platform';
import { CheckInRemindersService } from './checkin-reminders.service';

/** Often enough that a reminder lands within minutes of the member's 9 a.m.; each pass is one indexed query when nobody is due. */
export const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Runs the weekly-reminder sweep where the processors run (the worker, or the API with
 * RUN_WORKERS), like the sessions reconciler. Several workers may sweep at once: the
 * notifications' dedupe keys make the second one a no-op.
 */
@Injectable()
export class CheckInRemindersSweeper extends RecurringPass {
  constructor(private readonly reminders: CheckInRemindersService) {
    super(new Logger(CheckInRemindersSweeper.name), {
      what: 'Check-in reminders',
      everyMs: SWEEP_EVERY_MS,
    });
  }

  protected pass(): Promise<number> {
    return this.reminders.sweep();
  }
}
