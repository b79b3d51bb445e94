import { InvalidEnvError, loadEnv } from './env';
import { parseDuration, parseRateLimit } from './durations';

describe('loadEnv', () => {
  it('gives every variable a working default for a local machine', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/kintsugi');
    expect(env.RUN_WORKERS).toBe(true);
    expect(env.reminderOffsets).toEqual([
      { text: '24h', ms: 86_400_000 },
      { text: '15m', ms: 900_000 },
    ]);
    expect(env.rateLimit('LOGIN')).toEqual({ limit: 10, windowMs: 900_000, text: '10/15m' });
    expect(env.JWT_SECRET).toHaveLength(64);
    expect(env.presenceLeaseMs).toBe(60_000);
    expect(env.newMemberHoldMs).toBe(600_000);
    expect(env.WORKER_NICE).toBe(19);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x/y'],
    ['REDIS_URL', 'localhost'],
    ['REMINDER_OFFSETS', '15 minutes'],
    ['REMINDER_OFFSETS', '0s'],
    ['MOD_AUTOHIDE_FLAGS', '0'],
    ['RUN_WORKERS', 'maybe'],
    ['RATE_LIMIT_SEND', '20 per 10s'],
    ['JWT_SECRET', 'short'],
    ['PRESENCE_LEASE', 'a minute'],
    ['PRESENCE_LEASE', '500ms'],
    ['NEW_MEMBER_HOLD', 'ten minutes'],
    ['NEW_MEMBER_HOLD', '0s'],
    ['WORKER_NICE', '20'],
    ['WORKER_NICE', '-5'],
  ])('refuses %s=%s with a message naming the variable but not the value', (name, value) => {
    const attempt = () => loadEnv({ [name]: value });
    expect(attempt).toThrow(InvalidEnvError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${name} `));
    if (value.length > 3) expect(attempt).not.toThrow(new RegExp(value));
  });

  it('requires JWT_SECRET in production and accepts a long one', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET is required in production/,
    );
    const secret = 'x'.repeat(40);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
  });

  it('parses booleans and numbers from strings', () => {
    const env = loadEnv({ RUN_WORKERS: 'false', PORT: '0', MOD_AUTOHIDE_FLAGS: '5' });
    expect(env).toMatchObject({ RUN_WORKERS: false, PORT: 0, MOD_AUTOHIDE_FLAGS: 5 });
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['24h', 86_400_000],
    ['15', null],
    ['-1m', null],
    ['1w', null],
  ])('parseDuration(%s) = %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('parses rate limits and refuses malformed ones', () => {
    expect(parseRateLimit('20/10s')).toEqual({ limit: 20, windowMs: 10_000, text: '20/10s' });
    expect(parseRateLimit('0/10s')).toBeNull();
    expect(parseRateLimit('20/10s/1')).toBeNull();
    expect(parseRateLimit('x/10s')).toBeNull();
  });
});
