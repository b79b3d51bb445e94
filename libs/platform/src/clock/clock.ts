import { Injectable } from '@nestjs/common';

/**
 * The time that domain code reads (DESIGN.md invariant 5). Inject it instead
 * of calling Date.now(), so that a test can move time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }
}
