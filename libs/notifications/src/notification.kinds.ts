/**
 * The kinds and payloads of API.md's Notifications table: ids and times, never names. Only a
 * moderation_notice carries words: the moderator's note and the platform's kind text.
 */
export interface SessionReminderPayload {
  sessionId: string;
  groupId: string;
  startsAt: string;
  /** As configured in REMINDER_OFFSETS, e.g. `15m`. */
  offset: string;
}

export interface SessionCancelledPayload {
  sessionId: string;
  groupId: string;
  startsAt: string;
}

export interface SessionRescheduledPayload {
  sessionId: string;
  groupId: string;
  startsAt: string;
  previousStartsAt: string;
}

export interface ModerationNoticePayload {
  groupId: string;
  messageId: string;
  action: string;
  /** The moderator's note exactly as stored with the resolution (trimmed), or null when none. */
  note: string | null;
  /** The platform's kind wording: what happened, which rule applied, thanks (README changelog). */
  text: string;
}

export interface CrisisResource {
  name: string;
  contact: string;
  region: string;
}

/**
 * From a message (`messageId`), or from the author's private check-in note (`messageId` null and
 * `checkInId` set): a check-in's crisis signal goes to its author alone, never to a moderator.
 */
export interface CrisisResourcesPayload {
  messageId: string | null;
  checkInId?: string;
  resources: CrisisResource[];
}

/** The opt-in weekly nudge; `dueOn` is the member's local date it was due (dedupe, never shown). */
export interface CheckInReminderPayload {
  dueOn: string;
}

export type NotificationContent =
  | { kind: 'session_reminder'; payload: SessionReminderPayload }
  | { kind: 'session_cancelled'; payload: SessionCancelledPayload }
  | { kind: 'session_rescheduled'; payload: SessionRescheduledPayload }
  | { kind: 'moderation_notice'; payload: ModerationNoticePayload }
  | { kind: 'crisis_resources'; payload: CrisisResourcesPayload }
  | { kind: 'checkin_reminder'; payload: CheckInReminderPayload };

export type NotificationKind = NotificationContent['kind'];

/** What a feature asks for: who, what, and the key that makes the effect happen once. */
export type NotifyInput = NotificationContent & { userId: string; dedupeKey: string };

/** The kinds that also go out by e-mail (when the member has an address and e-mail enabled). */
export type EmailedContent = Extract<
  NotificationContent,
  { kind: 'session_reminder' | 'session_cancelled' | 'session_rescheduled' }
>;

const EMAILED = new Set<NotificationKind>([
  'session_reminder',
  'session_cancelled',
  'session_rescheduled',
]);

export const isEmailedKind = (kind: NotificationKind): boolean => EMAILED.has(kind);

export const isEmailed = (content: NotificationContent): content is EmailedContent =>
  isEmailedKind(content.kind);
