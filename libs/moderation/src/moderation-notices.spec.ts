import { noticeNote } from './moderation-notices';
import type { ReviewReason } from './review-reasons';

const reason = (category: ReviewReason['category']): ReviewReason => ({
  source: 'auto',
  category,
  detail: 'x',
});

describe('moderation notices', () => {
  it('say what happened and which rule applied', () => {
    const note = noticeNote('remove', [reason('personal_details')]);
    expect(note).toMatch(/removed one of your messages/);
    expect(note).toMatch(/identify someone/);
  });

  it('name the length of a mute in words', () => {
    expect(noticeNote('mute', [reason('abuse')], { minutes: 120 })).toMatch(/for 2 hours/);
    expect(noticeNote('mute', [reason('abuse')], { minutes: 1 })).toMatch(/for 1 minute\b/);
    expect(noticeNote('mute', [reason('abuse')], { minutes: 2880 })).toMatch(/for 2 days/);
  });

  it('carry the moderator’s note when there is one', () => {
    expect(
      noticeNote('warn', [reason('harassment')], { moderatorNote: 'Please be gentle.' }),
    ).toMatch(/Please be gentle\./);
  });

  it('never name what the platform is about', () => {
    const all = (['remove', 'warn', 'mute', 'ban'] as const).flatMap((action) =>
      (['personal_details', 'abuse', 'crisis', 'spam', 'other'] as const).map((c) =>
        noticeNote(action, [reason(c)], { minutes: 30 }),
      ),
    );
    for (const note of all) expect(note).not.toMatch(/infidel|affair|betray|cheat|unfaithful/i);
  });
});
