import { DateTime } from 'luxon';
import type { EmailedContent } from './notification.kinds';

export interface RenderedEmail {
  subject: string;
  text: string;
}

export interface EmailContext {
  /** The member's own IANA time zone, for showing times. */
  timezone: string;
  appUrl: string;
  unsubscribeUrl: string;
}

const UNITS: Record<string, [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
};

/** `15m` → `15 minutes`, `1h` → `1 hour`. */
export function humanOffset(offset: string): string {
  const match = /^(\d+)([smhd])$/.exec(offset.trim());
  if (!match) return 'a little while';
  const count = Number(match[1]);
  const [one, many] = UNITS[match[2]];
  return `${count} ${count === 1 ? one : many}`;
}

function when(iso: string, timezone: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone);
  return `${time.toFormat('HH:mm')} on ${time.toFormat('cccc d LLLL')} (${timezone} time)`;
}

/**
 * The e-mails members get. Discretion (API.md): a partner may read the inbox,
 * so nothing here names the platform's subject or the group — the templates
 * take no group name or message text at all, only times.
 */
export function renderEmail(content: EmailedContent, ctx: EmailContext): RenderedEmail {
  const footer = [
    '',
    `Open the app: ${ctx.appUrl}`,
    '',
    `To stop these e-mails, open this link (no sign-in needed): ${ctx.unsubscribeUrl}`,
  ];
  switch (content.kind) {
    case 'session_reminder': {
      const inHowLong = humanOffset(content.payload.offset);
      return {
        subject: `Your group meets in ${inHowLong}`,
        text: [
          `Your group meets in ${inHowLong}, at ${when(content.payload.startsAt, ctx.timezone)}.`,
          ...footer,
        ].join('\n'),
      };
    }
    case 'session_cancelled':
      return {
        subject: 'A meeting of your group was cancelled',
        text: [
          `The meeting planned for ${when(content.payload.startsAt, ctx.timezone)} will not take place.`,
          ...footer,
        ].join('\n'),
      };
    case 'session_rescheduled':
      return {
        subject: 'A meeting of your group has a new time',
        text: [
          `The meeting planned for ${when(content.payload.previousStartsAt, ctx.timezone)} now starts at ${when(content.payload.startsAt, ctx.timezone)}.`,
          ...footer,
        ].join('\n'),
      };
  }
}
