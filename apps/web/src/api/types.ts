/** The shapes of docs/API.md that the web app reads. */
export type JourneyRole = 'betrayed' | 'unfaithful';
export type PlatformRole = 'member' | 'moderator' | 'admin';

export interface PublicUser {
  id: string;
  handle: string;
}

export interface Me extends PublicUser {
  journeyRole: JourneyRole;
  roles: PlatformRole[];
  createdAt: string;
  email: string | null;
  timezone: string;
  notificationPrefs: { email: boolean; inApp: boolean };
}

export interface AuthResult {
  user: Me;
  accessToken: string;
  refreshToken: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; problem: string }[];
}

export interface SessionTopic {
  slug: string;
  title: string;
  summary: string;
  prompts: string[];
}

export interface Session {
  id: string;
  groupId: string;
  seriesId: string | null;
  topic: SessionTopic;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'live' | 'ended' | 'cancelled';
  rsvpCount: number;
  myRsvp: 'going' | 'not_going' | null;
}

export interface Group {
  id: string;
  name: string;
  description: string;
  audience: JourneyRole;
  capacity: number;
  memberCount: number;
  isMember: boolean;
  /** Plain text; paragraphs separated by blank lines. */
  guidelines: string;
  timezone: string;
  /** When enabled, each member's first `posts` messages wait for a moderator before the group sees them. */
  newMemberReview: { enabled: boolean; posts: number };
  nextSession: (Pick<Session, 'id' | 'startsAt'> & Partial<Session>) | null;
  /** How I appear to this group's members (a pseudonym of this group when `pseudonym`); null when not a member. */
  appearance: (PublicUser & { pseudonym: boolean }) | null;
}

export interface GroupMember {
  user: PublicUser | null;
  role: 'member' | 'moderator';
  joinedAt: string;
  online: boolean;
}

export const REACTION_KINDS = ['heart', 'hug', 'hear_you', 'strength'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export type HiddenReason = 'personal_details' | 'flags' | 'review' | 'new_member_review';

export interface Message {
  id: string;
  groupId: string;
  seq: number;
  author: PublicUser | null;
  body: string | null;
  clientId: string;
  createdAt: string;
  editedAt: string | null;
  /** `pending`: a new member's post waiting for review; only its author ever receives it. */
  status: 'visible' | 'hidden' | 'removed' | 'pending';
  hiddenReason?: HiddenReason | null;
  sessionId: string | null;
  reactions: { counts: Record<ReactionKind, number>; mine: string[] };
}

export interface Page<T> {
  items: T[];
  nextCursor: number | string | null;
}

export const FLAG_REASONS = ['harassment', 'identifying_info', 'crisis', 'spam', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export interface CrisisResource {
  name: string;
  contact: string;
  region: string;
}

export type Notification = { id: string; createdAt: string; readAt: string | null } & (
  | {
      kind: 'session_reminder';
      payload: { sessionId: string; groupId: string; startsAt: string; offset: string };
    }
  | { kind: 'session_cancelled'; payload: { sessionId: string; groupId: string; startsAt: string } }
  | {
      kind: 'session_rescheduled';
      payload: { sessionId: string; groupId: string; startsAt: string; previousStartsAt: string };
    }
  | {
      kind: 'moderation_notice';
      payload: {
        groupId: string;
        messageId: string;
        action: string;
        /** The moderator's note as they wrote it, or null. */
        note: string | null;
        /** The platform's kind wording; absent on notices stored before it had its own field. */
        text?: string;
      };
    }
  | {
      kind: 'crisis_resources';
      /** From a message, or (messageId null) from the member's own private check-in note. */
      payload: { messageId: string | null; checkInId?: string; resources: CrisisResource[] };
    }
  | { kind: 'checkin_reminder'; payload: { dueOn: string } }
);

export const MODERATION_ACTIONS = ['approve', 'remove', 'warn', 'mute', 'ban'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface ReviewItem {
  id: string;
  message: Message;
  group: { id: string; name: string };
  author: PublicUser | null;
  reasons: { source: 'auto' | 'member'; category: string; detail: string | null }[];
  priority: 'urgent' | 'high' | 'normal';
  status: 'open' | 'resolved';
  createdAt: string;
  claimedBy: PublicUser | null;
  context: Message[];
  resolution: {
    action: ModerationAction;
    note: string | null;
    /** null when no moderator acted (a new member's post shown once its hold passed). */
    actor: PublicUser | null;
    at: string;
  } | null;
}

export interface AuditEntry {
  id: string;
  actor: PublicUser | null;
  action: string;
  target: { userId: string | null; messageId: string | null };
  groupId: string | null;
  note: string | null;
  createdAt: string;
}

export interface Topic {
  id: string;
  slug: string;
  part: number;
  partTitle: string;
  title: string;
  summary: string;
  audience: JourneyRole | 'both';
  prompts: string[];
  order: number;
}

/** A private check-in: five 1–5 scales and an optional note, seen by its author only. */
export interface CheckIn {
  id: string;
  /** The member's own calendar day, YYYY-MM-DD. */
  day: string;
  safety: number;
  honesty: number;
  communication: number;
  selfCare: number;
  hope: number;
  note: string | null;
  createdAt: string;
}
