import { EmailedContent } from './notification.kinds';
import { humanOffset, renderEmail } from './email.templates';

/** API.md Discretion: nothing that leaves the platform names its subject or the group. */
const FORBIDDEN =
  /infidel|affair|betray|cheat|unfaithful|adulter|deceiv|deception|lover|mistress|trust after|kintsugi/i;

const ids = {
  sessionId: '6f1c1f0e-2f43-4f5c-9d1a-4b8e6f8f0a11',
  groupId: '0b9e4f5c-1c62-4a5b-8a4f-2c3d4e5f6a7b',
};
const offsets = ['90s', '1s', '1m', '15m', '1h', '24h', '2d', '7d'];
const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
const times = ['2026-03-29T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-11-24T18:00:00.000Z'];

function everyEmail(): EmailedContent[] {
  return times.flatMap((startsAt) => [
    ...offsets.map((offset): EmailedContent => ({
      kind: 'session_reminder',
      payload: { ...ids, startsAt, offset },
    })),
    { kind: 'session_cancelled', payload: { ...ids, startsAt } },
    {
      kind: 'session_rescheduled',
      payload: { ...ids, startsAt, previousStartsAt: '2026-11-20T18:00:00.000Z' },
    },
  ]);
}

describe('e-mail templates', () => {
  const ctx = {
    appUrl: 'https://app.example',
    unsubscribeUrl: 'https://app.example/api/notifications/unsubscribe?token=x.y',
  };

  it.each(zones)(
    'never name the subject of the platform in any subject or body (%s)',
    (timezone) => {
      for (const content of everyEmail()) {
        const email = renderEmail(content, { ...ctx, timezone });
        expect(email.subject).not.toMatch(FORBIDDEN);
        expect(email.text).not.toMatch(FORBIDDEN);
        expect(email.text).toContain(ctx.unsubscribeUrl);
      }
    },
  );

  it('reads like "Your group meets in 15 minutes" and shows the time in the member’s zone', () => {
    const email = renderEmail(
      {
        kind: 'session_reminder',
        payload: { ...ids, startsAt: '2026-11-24T18:00:00.000Z', offset: '15m' },
      },
      { ...ctx, timezone: 'America/New_York' },
    );
    expect(email.subject).toBe('Your group meets in 15 minutes');
    expect(email.text).toContain('13:00 on Tuesday 24 November (America/New_York time)');
  });

  it('says when a moved meeting was and now is', () => {
    const email = renderEmail(
      {
        kind: 'session_rescheduled',
        payload: {
          ...ids,
          startsAt: '2026-07-02T17:00:00.000Z',
          previousStartsAt: '2026-07-01T17:00:00.000Z',
        },
      },
      { ...ctx, timezone: 'Europe/London' },
    );
    expect(email.text).toContain('18:00 on Wednesday 1 July');
    expect(email.text).toContain('now starts at 18:00 on Thursday 2 July');
  });

  it.each([
    ['1s', '1 second'],
    ['90s', '90 seconds'],
    ['15m', '15 minutes'],
    ['1h', '1 hour'],
    ['24h', '24 hours'],
    ['2d', '2 days'],
  ])('spells the offset %s as %s', (offset, text) => {
    expect(humanOffset(offset)).toBe(text);
  });
});
