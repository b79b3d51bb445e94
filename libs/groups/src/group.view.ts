import type { JourneyRole, PublicUser } from '@kintsugi/identity';
import type { Appearance } from './group-appearance';
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
  /**
   * Addition (issue 15): how the caller appears to this group's members, the
   * `{ id, handle }` on their messages there (a pseudonym's when `pseudonym`);
   * null when not a member. Only ever in the caller's own answers.
   */
  appearance: Appearance | null;
}

export interface NewMemberReview {
  enabled: boolean;
  /** 1–20; kept while review is off. */
  posts: number;
}

export interface MembershipView {
  groupId: string;
  /** How the member appears in this group: a pseudonym's `{ id, handle }` when `pseudonym`. */
  user: PublicUser;
  role: MembershipRole;
  joinedAt: string;
  /** Addition (issue 15): whether the member appears here under a pseudonym. */
  pseudonym: boolean;
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
  /** The caller's pseudonym in use here, if any (MY_PSEUDONYM). */
  my_pseudonym: { id: string; handle: string } | null;
}

/** The caller's (`$viewer`) pseudonym in use in group `g`, as JSON, or null. */
export const MY_PSEUDONYM = (
  viewer: string,
) => `(SELECT json_build_object('id', gp.id, 'handle', gp.pseudonym)
   FROM group_pseudonyms gp WHERE gp.group_id = g.id AND gp.user_id = ${viewer} AND gp.active) AS my_pseudonym`;

export const GROUP_COLUMNS = `g.id, g.name, g.description, g.audience, g.capacity, g.member_count,
  g.guidelines, g.timezone, g.new_member_review, g.new_member_review_posts`;

export const toGroupView = (
  row: GroupRow,
  nextSession: object | null,
  viewer: PublicUser,
): GroupView => ({
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
  appearance: !row.is_member
    ? null
    : row.my_pseudonym
      ? { ...row.my_pseudonym, pseudonym: true }
      : { id: viewer.id, handle: viewer.handle, pseudonym: false },
});

export const toMembershipView = (
  groupId: string,
  shown: Appearance,
  row: { role: MembershipRole; joined_at: Date },
): MembershipView => ({
  groupId,
  user: { id: shown.id, handle: shown.handle },
  role: row.role,
  joinedAt: row.joined_at.toISOString(),
  pseudonym: shown.pseudonym,
});
