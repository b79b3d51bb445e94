import { IsTimeZone, Matches, MaxLength } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

const PROBLEM = 'must be an IANA time zone such as Europe/London';

/**
 * An IANA zone name (`Europe/London`, `Etc/GMT+5`). Intl also accepts raw
 * offsets (`+01:00`) on newer engines; those are not zone names and keep no
 * daylight-saving rules, so they are refused.
 */
export const IsIanaTimeZone = () =>
  applyDecorators(
    MaxLength(64, { message: PROBLEM }),
    Matches(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, { message: PROBLEM }),
    IsTimeZone({ message: PROBLEM }),
  );

/** The zone as the engine spells it (`europe/london` → `Europe/London`), so stored names compare equal. */
export const canonicalTimeZone = (zone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
