import type { ResolutionAction, ReviewReason } from './review-reasons';

/** Actions that tell the author: removing their message, or acting on them. */
export type NoticeAction = Exclude<ResolutionAction, 'approve'>;

const RULES: { applies: (r: ReviewReason) => boolean; text: string }[] = [
  {
    applies: (r) => r.category === 'personal_details' || r.category === 'identifying_info',
    text: 'Our guidelines ask that messages never include details that could identify someone, such as a phone number, an e-mail or street address, a social-media handle or a link. This keeps everyone here, you included, safe.',
  },
  {
    applies: (r) => r.category === 'abuse' || r.category === 'harassment',
    text: 'Our guidelines ask that every message stays respectful toward everyone, whether or not they are here: no threats, insults or harassment.',
  },
  {
    applies: (r) => r.category === 'crisis',
    text: 'Your message sounded like you may be going through a very hard moment. You are not alone: we have sent you a private note with people you can talk to right now.',
  },
  {
    applies: (r) => r.category === 'new_member',
    text: 'A new member’s first posts in a group are read by a moderator before the group sees them, so that everyone can trust what they find here.',
  },
  {
    applies: (r) => r.category === 'spam',
    text: 'Our guidelines ask that messages stay with the conversation: no advertising or repeated posts.',
  },
];

const DEFAULT_RULE = 'Our guidelines help keep this a safe place for everyone.';

const ACTIONS: Record<NoticeAction, (minutes?: number) => string> = {
  remove: () => 'A moderator has removed one of your messages.',
  warn: () =>
    'A moderator has looked at one of your messages and wanted to share a gentle reminder.',
  mute: (minutes) =>
    `A moderator has paused your posting in one of your groups for ${describeMinutes(minutes ?? 0)}. You can still read along.`,
  ban: () => 'A moderator has ended your place in one of your groups.',
};

function describeMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The kind wording of a moderation_notice (its `text`): what happened, which
 * rule applied, thanks. The moderator's own words travel apart, verbatim, in
 * the payload's `note`, so nothing here quotes them. Like every notification
 * it names neither the group nor what the platform is about (someone else
 * may read the member's screen).
 */
export function noticeText(
  action: NoticeAction,
  reasons: ReviewReason[],
  options: { minutes?: number } = {},
): string {
  const rule = RULES.find((candidate) => reasons.some(candidate.applies))?.text ?? DEFAULT_RULE;
  return [
    ACTIONS[action](options.minutes),
    rule,
    'Thank you for helping keep this a caring place.',
  ].join(' ');
}
