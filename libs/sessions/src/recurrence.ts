import { DateTime } from 'luxon';
import { Frequency, Options, RRule, Weekday } from 'rrule';
import { Errors } from '@kintsugi/platform';

const MAX_COUNT = 52;
const MAX_INTERVAL = 52;
const DAYS: Record<string, Weekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
const FREQUENCIES: Record<string, Frequency> = {
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
};

const invalid = (problem: string) => Errors.validation([{ field: 'recurrence', problem }]);

/**
 * The subset of RFC 5545 RRULE that API.md allows: FREQ (DAILY, WEEKLY,
 * MONTHLY), optional INTERVAL and BYDAY, and exactly one of COUNT (≤ 52) or
 * UNTIL (within a year of the first start). Anything else is refused with
 * VALIDATION_FAILED on `recurrence`, before any row is written.
 */
function parseRule(text: string, firstStart: Date): Partial<Options> {
  const parts = text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';');
  const fields = new Map<string, string>();
  for (const part of parts) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || value === '' || rest.length > 0)
      throw invalid('must be an RRULE such as FREQ=WEEKLY;COUNT=8');
    const name = key.toUpperCase();
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL'].includes(name))
      throw invalid(`${name} is not supported (FREQ, INTERVAL, BYDAY, COUNT or UNTIL)`);
    if (fields.has(name)) throw invalid(`${name} is given twice`);
    fields.set(name, value.toUpperCase());
  }
  const freq = FREQUENCIES[fields.get('FREQ') ?? ''];
  if (freq === undefined) throw invalid('FREQ must be DAILY, WEEKLY or MONTHLY');
  const options: Partial<Options> = { freq };

  const interval = fields.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^\d{1,2}$/.test(interval) || Number(interval) < 1 || Number(interval) > MAX_INTERVAL)
      throw invalid(`INTERVAL must be a whole number from 1 to ${MAX_INTERVAL}`);
    options.interval = Number(interval);
  }

  const byDay = fields.get('BYDAY');
  if (byDay !== undefined) options.byweekday = byDay.split(',').map((d) => weekday(d, freq));

  const count = fields.get('COUNT');
  const until = fields.get('UNTIL');
  if ((count === undefined) === (until === undefined))
    throw invalid('must have either COUNT or UNTIL');
  if (count !== undefined) {
    if (!/^\d{1,2}$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT)
      throw invalid(`COUNT must be a whole number from 1 to ${MAX_COUNT}`);
    options.count = Number(count);
  }
  if (until !== undefined) options.until = parseUntil(until, firstStart);
  return options;
}

function weekday(text: string, freq: Frequency): Weekday {
  const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(text);
  if (!match) throw invalid('BYDAY must list days such as MO,WE or 1MO');
  if (match[1] === undefined) return DAYS[match[2]];
  const nth = Number(match[1]);
  if (freq !== RRule.MONTHLY || nth === 0 || Math.abs(nth) > 5)
    throw invalid('a numbered BYDAY (such as 1MO or -1FR) needs FREQ=MONTHLY and 1–5 or -1–-5');
  return DAYS[match[2]].nth(nth);
}

function parseUntil(text: string, firstStart: Date): Date {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(text);
  const until = match
    ? DateTime.fromObject(
        {
          year: +match[1],
          month: +match[2],
          day: +match[3],
          hour: match[4] ? +match[4] : 23,
          minute: match[5] ? +match[5] : 59,
          second: match[6] ? +match[6] : 59,
        },
        { zone: 'utc' },
      )
    : null;
  if (!until?.isValid) throw invalid('UNTIL must be a UTC time such as 20261231T235959Z');
  const limit = DateTime.fromJSDate(firstStart, { zone: 'utc' }).plus({ years: 1 });
  if (until > limit) throw invalid('UNTIL must be within a year of startsAt');
  if (until.toMillis() < firstStart.getTime()) throw invalid('UNTIL must be after startsAt');
  return until.toJSDate();
}

/**
 * The wall clock of `at` in `zone`, as a UTC date with the same fields:
 * rrule then does its arithmetic on local time, with no daylight-saving jumps.
 */
function floating(at: Date, zone: string): Date {
  const local = DateTime.fromJSDate(at, { zone });
  return new Date(
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
  );
}

/** The inverse of floating(): the instant when the zone's clock shows those fields. */
function fromFloating(at: Date, zone: string): Date {
  return DateTime.fromObject(
    {
      year: at.getUTCFullYear(),
      month: at.getUTCMonth() + 1,
      day: at.getUTCDate(),
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      second: at.getUTCSeconds(),
    },
    { zone },
  ).toJSDate();
}

/**
 * The start instants of a session and its recurrence (UTC). Occurrences keep
 * their local time in the group's time zone across daylight-saving changes:
 * 18:00 in London stays 18:00 in London, so it is 18:00Z in winter and
 * 17:00Z in summer (DESIGN.md invariant 5).
 */
export function occurrences(firstStart: Date, rule: string | undefined, zone: string): Date[] {
  if (rule === undefined) return [firstStart];
  const options = parseRule(rule, firstStart);
  const until = options.until ? floating(options.until, zone) : undefined;
  const starts = new RRule({ ...options, until, dtstart: floating(firstStart, zone) })
    .all((_, i) => i < 400)
    .map((at) => fromFloating(at, zone));
  if (starts.length === 0) throw invalid('gives no occurrence');
  return starts;
}
