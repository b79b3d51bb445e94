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
      return notification.payload.note
        ? `A note from a moderator: ${notification.payload.note}`
        : 'A moderator reviewed one of your messages.';
    case 'crisis_resources':
      return 'Support is available right now, if you want it.';
  }
}
