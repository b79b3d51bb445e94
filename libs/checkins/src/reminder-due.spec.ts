import { isDay, localDay } from './check-in-days';
import { reminderDue } from './reminder-due';

const at = (iso: string) => new Date(iso);

describe('check-in days', () => {
  it('is the member’s own calendar day, not the server’s', () => {
    const instant = at('2026-11-24T22:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-11-24');
    expect(localDay(instant, 'Pacific/Auckland')).toBe('2026-11-25');
    expect(localDay(at('2026-11-24T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-23');
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isDay('2026-11-24')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-11-24T00:00:00Z',
      '24/11/2026',
      '',
      20261124,
      null,
    ])
      expect(isDay(bad)).toBe(false);
  });
});

describe('reminderDue', () => {
  const base = {
    zone: 'UTC',
    remindersFrom: at('2026-11-01T10:00:00Z'),
    lastRemindedOn: null,
    lastCheckInDay: null,
  };

  it('falls due a week after switching on, and not before', () => {
    expect(reminderDue(at('2026-11-07T12:00:00Z'), base)).toBeNull();
    expect(reminderDue(at('2026-11-08T12:00:00Z'), base)).toBe('2026-11-08');
    // Still the same due day later on: one quiet week is one reminder.
    expect(reminderDue(at('2026-11-10T12:00:00Z'), base)).toBe('2026-11-08');
  });

  it('counts the week from the latest check-in or reminder', () => {
    expect(
      reminderDue(at('2026-11-12T12:00:00Z'), { ...base, lastCheckInDay: '2026-11-06' }),
    ).toBeNull();
    expect(reminderDue(at('2026-11-13T12:00:00Z'), { ...base, lastCheckInDay: '2026-11-06' })).toBe(
      '2026-11-13',
    );
    expect(
      reminderDue(at('2026-11-14T12:00:00Z'), { ...base, lastRemindedOn: '2026-11-08' }),
    ).toBeNull();
    expect(reminderDue(at('2026-11-15T12:00:00Z'), { ...base, lastRemindedOn: '2026-11-08' })).toBe(
      '2026-11-15',
    );
  });

  it('waits for the member’s daytime, in their zone', () => {
    expect(reminderDue(at('2026-11-08T03:00:00Z'), base)).toBeNull();
    expect(reminderDue(at('2026-11-08T21:30:00Z'), base)).toBeNull();
    // 09:30 in Auckland is 20:30 UTC the day before.
    const auckland = {
      ...base,
      zone: 'Pacific/Auckland',
      remindersFrom: at('2026-11-01T00:00:00Z'),
    };
    expect(reminderDue(at('2026-11-07T20:30:00Z'), auckland)).toBe('2026-11-08');
  });
});
