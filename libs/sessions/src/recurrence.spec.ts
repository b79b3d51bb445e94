import { DomainError } from '@kintsugi/platform';
import { occurrences } from './recurrence';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

function refusal(run: () => unknown): { code: string; field: string } {
  try {
    run();
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, field: e.details?.[0]?.field ?? '' };
  }
  throw new Error('expected a refusal');
}

describe('recurrence expansion', () => {
  it('returns the one start of a one-off', () => {
    const start = new Date('2026-05-01T10:00:00.000Z');
    expect(occurrences(start, undefined, 'UTC')).toEqual([start]);
  });

  it('keeps 18:00 London time across the spring change (GMT → BST)', () => {
    const starts = occurrences(
      new Date('2026-03-22T18:00:00.000Z'),
      'FREQ=WEEKLY;COUNT=3',
      'Europe/London',
    );
    expect(iso(starts)).toEqual([
      '2026-03-22T18:00:00.000Z',
      '2026-03-29T17:00:00.000Z',
      '2026-04-05T17:00:00.000Z',
    ]);
  });

  it('keeps 18:00 London time across the autumn change (BST → GMT)', () => {
    const starts = occurrences(
      new Date('2026-10-18T17:00:00.000Z'),
      'RRULE:FREQ=WEEKLY;COUNT=2',
      'Europe/London',
    );
    expect(iso(starts)).toEqual(['2026-10-18T17:00:00.000Z', '2026-10-25T18:00:00.000Z']);
  });

  it('reads BYDAY and INTERVAL on local days (a Monday evening in New York is Tuesday in UTC)', () => {
    const starts = occurrences(
      new Date('2026-06-02T00:30:00.000Z'), // Mon 1 June 20:30 in New York
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4',
      'America/New_York',
    );
    expect(iso(starts)).toEqual([
      '2026-06-02T00:30:00.000Z',
      '2026-06-05T00:30:00.000Z',
      '2026-06-16T00:30:00.000Z',
      '2026-06-19T00:30:00.000Z',
    ]);
  });

  it('takes the first Monday of each month and stops at UNTIL', () => {
    const starts = occurrences(
      new Date('2026-01-05T19:00:00.000Z'),
      'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20260401T000000Z',
      'UTC',
    );
    expect(iso(starts)).toEqual([
      '2026-01-05T19:00:00.000Z',
      '2026-02-02T19:00:00.000Z',
      '2026-03-02T19:00:00.000Z',
    ]);
  });

  it('expands a daily rule up to a year away', () => {
    const starts = occurrences(
      new Date('2026-01-01T09:00:00.000Z'),
      'FREQ=DAILY;UNTIL=20261231T090000Z',
      'UTC',
    );
    expect(starts).toHaveLength(365);
  });

  it.each([
    ['FREQ=YEARLY;COUNT=2', 'FREQ YEARLY'],
    ['FREQ=HOURLY;COUNT=2', 'FREQ HOURLY'],
    ['FREQ=WEEKLY', 'neither COUNT nor UNTIL'],
    ['FREQ=WEEKLY;COUNT=53', 'COUNT above 52'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT zero'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20260601T000000Z', 'both COUNT and UNTIL'],
    ['FREQ=WEEKLY;UNTIL=20280101T000000Z', 'UNTIL beyond a year'],
    ['FREQ=WEEKLY;UNTIL=20250101T000000Z', 'UNTIL before the start'],
    ['FREQ=WEEKLY;UNTIL=tomorrow', 'UNTIL not a date'],
    ['FREQ=WEEKLY;COUNT=3;BYHOUR=9', 'BYHOUR'],
    ['FREQ=WEEKLY;COUNT=3;WKST=MO', 'WKST'],
    ['FREQ=WEEKLY;COUNT=3;BYDAY=XX', 'an unknown day'],
    ['FREQ=WEEKLY;COUNT=3;BYDAY=1MO', 'a numbered day on a weekly rule'],
    ['FREQ=WEEKLY;COUNT=3;INTERVAL=0', 'INTERVAL zero'],
    ['FREQ=WEEKLY;COUNT=3;COUNT=4', 'a repeated part'],
    ['DTSTART=20260101T000000Z;FREQ=DAILY;COUNT=2', 'DTSTART'],
    ['FREQ=WEEKLY;;COUNT=2', 'an empty part'],
    ['', 'an empty rule'],
    ['FREQ=WEEKLY;COUNT=two', 'COUNT not a number'],
  ])('refuses %s (%s) as VALIDATION_FAILED on recurrence', (rule, _why) => {
    expect(refusal(() => occurrences(new Date('2026-05-01T10:00:00.000Z'), rule, 'UTC'))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'recurrence',
    });
  });
});
