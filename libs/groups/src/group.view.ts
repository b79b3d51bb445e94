import type { JourneyRole, PublicUser } from '@kintsugi/identity';
import type { MembershipRole } from './membership.entity';

export interface GroupView {
  id: string;
  name: string;
  description: string;
  audience: JourneyRole;
  capacity: number;
  memberCount: number;
  isMember: boolean;
  guidelines: string;
  timezone: string;
  /**
   * Whether each member's first `posts` messages are held until a moderator
   * approves them or the hold passes. Shown to every member who may see the
   * group: it is the group's rule, like its guidelines.
   */
  newMemberReview: NewMemberReview;
  /** The sessions feature's view of the next session; null until it plugs in or when none is planned. */
  nextSession: object | null;
}

export interface NewMemberReview {
  enabled: boolean;
  /** 1–20; kept while review is off. */
  posts: number;
}

export interface MembershipView {
  groupId: string;
  user: PublicUser;
  role: MembershipRole;
  joinedAt: string;
}

export interface MemberView {
  user: PublicUser;
  role: MembershipRole;
  joinedAt: string;
  online: boolean;
}

/** The columns a group view is built from, and nothing else. */
export interface GroupRow {
  id: string;
  name: string;
  description: string;
  audience: JourneyRole;
  capacity: number;
  member_count: number;
  guidelines: string;
  timezone: string;
  new_member_review: boolean;
  new_member_review_posts: number;
  is_member: boolean;
}

export const GROUP_COLUMNS = `g.id, g.name, g.description, g.audience, g.capacity, g.member_count,
  g.guidelines, g.timezone, g.new_member_review, g.new_member_review_posts`;

export const toGroupView = (row: GroupRow, nextSession: object | null): GroupView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  audience: row.audience,
  capacity: row.capacity,
  memberCount: row.member_count,
  isMember: row.is_member,
  guidelines: row.guidelines,
  timezone: row.timezone,
  newMemberReview: { enabled: row.new_member_review, posts: row.new_member_review_posts },
  nextSession,
});

export const toMembershipView = (
  groupId: string,
  user: PublicUser,
  row: { role: MembershipRole; joined_at: Date },
): MembershipView => ({
  groupId,
  user: { id: user.id, handle: user.handle },
  role: row.role,
  joinedAt: row.joined_at.toISOString(),
});
