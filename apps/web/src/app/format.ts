import { me } from './session';

/** Times are shown in the member's own time zone (their profile's, else the browser's). */
const zone = () => me.get()?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone(),
  }).format(new Date(iso));
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone(),
  }).format(new Date(iso));
}

export const zoneName = zone;

const OFFSET_WORDS: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/** `15m` → "15 minutes". */
export function formatOffset(offset: string): string {
  const match = /^(\d+)([smhd])$/.exec(offset);
  if (!match) return offset;
  const count = Number(match[1]);
  return `${count} ${OFFSET_WORDS[match[2]]}${count === 1 ? '' : 's'}`;
}
