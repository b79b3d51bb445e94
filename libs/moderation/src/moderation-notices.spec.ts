import { noticeText } from './moderation-notices';
import type { ReviewReason } from './review-reasons';

const reason = (category: ReviewReason['category']): ReviewReason => ({
  source: 'auto',
  category,
  detail: 'x',
});

describe('moderation notices', () => {
  it('say what happened, which rule applied, and thank the member', () => {
    expect(noticeText('remove', [reason('personal_details')])).toBe(
      'A moderator has removed one of your messages. Our guidelines ask that messages never include ' +
        'details that could identify someone, such as a phone number, an e-mail or street address, a ' +
        'social-media handle or a link. This keeps everyone here, you included, safe. Thank you for ' +
        'helping keep this a caring place.',
    );
    expect(noticeText('warn', [reason('harassment')])).toMatch(/gentle reminder.*respectful/);
    expect(noticeText('ban', [reason('other')])).toMatch(/safe place for everyone\. Thank you/);
  });

  it('tell a new member why their held post went to a moderator, unless a finding says more', () => {
    expect(noticeText('remove', [reason('new_member')])).toMatch(
      /removed one of your messages\. A new member’s first posts .* read by a moderator/,
    );
    expect(noticeText('remove', [reason('new_member'), reason('abuse')])).toMatch(/respectful/);
  });

  it('name the length of a mute in words', () => {
    expect(noticeText('mute', [reason('abuse')], { minutes: 120 })).toMatch(/for 2 hours/);
    expect(noticeText('mute', [reason('abuse')], { minutes: 1 })).toMatch(/for 1 minute\b/);
    expect(noticeText('mute', [reason('abuse')], { minutes: 2880 })).toMatch(/for 2 days/);
  });

  it('never quote the moderator (their note travels apart, verbatim)', () => {
    for (const action of ['remove', 'warn', 'mute', 'ban'] as const)
      expect(noticeText(action, [reason('harassment')], { minutes: 30 })).not.toMatch(
        /moderator added|[“”"]/,
      );
  });

  it('never name what the platform is about', () => {
    const all = (['remove', 'warn', 'mute', 'ban'] as const).flatMap((action) =>
      (['personal_details', 'abuse', 'crisis', 'spam', 'other', 'new_member'] as const).map((c) =>
        noticeText(action, [reason(c)], { minutes: 30 }),
      ),
    );
    for (const text of all) expect(text).not.toMatch(/infidel|affair|betray|cheat|unfaithful/i);
  });
});
