import type { Notification } from '../api/types';
import { formatDateTime, formatOffset } from '../app/format';

/**
 * What a notification says. Discretion: these lines may be read over the
 * member's shoulder, so they name neither the subject nor the group.
 */
export function notificationText(notification: Notification): string {
  switch (notification.kind) {
    case 'session_reminder':
      return `Your group meets in ${formatOffset(notification.payload.offset)} (${formatDateTime(notification.payload.startsAt)}).`;
    case 'session_cancelled':
      return `A meeting on ${formatDateTime(notification.payload.startsAt)} was cancelled.`;
    case 'session_rescheduled':
      return `A meeting moved from ${formatDateTime(notification.payload.previousStartsAt)} to ${formatDateTime(notification.payload.startsAt)}.`;
    case 'moderation_notice':
      // Before `text` existed, `note` held the whole kind wording, the moderator's words inside it.
      if (notification.payload.text === undefined)
        return notification.payload.note
          ? `A note from a moderator: ${notification.payload.note}`
          : 'A moderator reviewed one of your messages.';
      return notification.payload.text;
    case 'crisis_resources':
      return 'Support is available right now, if you want it.';
    case 'checkin_reminder':
      return 'Time for your weekly check-in.';
  }
}

/** The moderator's own words on a moderation notice, quoted apart from the platform's text. */
export function moderatorNote(notification: Notification): string | null {
  if (notification.kind !== 'moderation_notice') return null;
  const { note, text } = notification.payload;
  return note && text !== undefined ? `The moderator added: “${note}”` : null;
}
