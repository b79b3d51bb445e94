import type { ScreenCategory, ScreenVerdict } from './screening';

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type ReviewPriority = (typeof PRIORITIES)[number];

export const FLAG_REASONS = ['harassment', 'identifying_info', 'crisis', 'spam', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const RESOLUTION_ACTIONS = ['approve', 'remove', 'warn', 'mute', 'ban'] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** A new member's post held until reviewed (groups with new-member review on). */
export const NEW_MEMBER = 'new_member';

/** Why an item is in the queue. `detail` names the kind of thing found, never the text itself. */
export interface ReviewReason {
  source: 'auto' | 'member';
  category: ScreenCategory | FlagReason | typeof NEW_MEMBER;
  detail: string;
}

/** Reasons to add to a message's open item, and the priority they call for. */
export interface ReviewFindings {
  reasons: ReviewReason[];
  priority: ReviewPriority;
}

export function highestPriority(priorities: ReviewPriority[]): ReviewPriority {
  return PRIORITIES[Math.max(0, ...priorities.map((p) => PRIORITIES.indexOf(p)))];
}

/** What the screeners found, as auto reasons; null for a clean message. */
export function findingsFromVerdict(verdict: ScreenVerdict): ReviewFindings | null {
  if (!verdict.priority) return null;
  return {
    reasons: verdict.findings.map((f) => ({
      source: 'auto',
      category: f.category,
      detail: f.detail,
    })),
    priority: verdict.priority,
  };
}

const FLAG_DETAILS: Record<FlagReason, string> = {
  harassment: 'a member reported harassment',
  identifying_info: 'a member reported details that could identify someone',
  crisis: 'a member is worried the author may be in crisis',
  spam: 'a member reported spam',
  other: 'a member reported it for another reason',
};

/**
 * A member's flag as a reason. The flag's note stays with the flag: it is
 * free text and may itself hold what the flag reports. A crisis flag is
 * urgent like a screened crisis (someone may be in danger now); every other
 * member flag waits its turn at normal priority.
 */
export function findingsFromFlag(reason: FlagReason): ReviewFindings {
  return {
    reasons: [{ source: 'member', category: reason, detail: FLAG_DETAILS[reason] }],
    priority: reason === 'crisis' ? 'urgent' : 'normal',
  };
}

export const hasCrisis = (reasons: ReviewReason[]): boolean =>
  reasons.some((r) => r.category === 'crisis');

/**
 * A new member's held post: its own reason at normal priority, below every
 * urgent and high item. Screening's findings about the same message join
 * the same item (one open item per message) and raise its priority.
 */
export const NEW_MEMBER_FINDINGS: ReviewFindings = {
  reasons: [
    {
      source: 'auto',
      category: NEW_MEMBER,
      detail: 'one of a new member’s first posts, held until it is reviewed',
    },
  ],
  priority: 'normal',
};

/** Nothing but the hold keeps the message back: no screening finding, no flag. */
export const onlyNewMember = (reasons: ReviewReason[]): boolean =>
  reasons.every((r) => r.category === NEW_MEMBER);
