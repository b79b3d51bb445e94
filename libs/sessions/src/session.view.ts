import type { SessionTopicView } from '@kintsugi/curriculum';
import type { DiscussionSession, RsvpStatus, SessionStatus } from './session.entity';

export interface SessionView {
  id: string;
  groupId: string;
  seriesId: string | null;
  topic: SessionTopicView;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  rsvpCount: number;
  /** The viewer's answer; null in broadcasts, which go to everyone alike. */
  myRsvp: RsvpStatus | null;
}

export const toSessionView = (
  s: DiscussionSession,
  topic: SessionTopicView,
  rsvpCount: number,
  myRsvp: RsvpStatus | null,
): SessionView => ({
  id: s.id,
  groupId: s.groupId,
  seriesId: s.seriesId,
  topic,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  status: s.status,
  rsvpCount,
  myRsvp,
});
