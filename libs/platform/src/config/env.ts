import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parseDuration, parseRateLimit, RateLimitSpec } from './durations';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

const DURATION_LIST = /^\s*\d{1,6}[smhd](\s*,\s*\d{1,6}[smhd])*\s*$/;
const RATE_LIMIT = /^\d{1,7}\/\d{1,6}[smhd]$/;

/**
 * Every setting of API.md's Configuration table, validated once at start.
 * Names match the environment variables so an error names what to fix.
 */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 0 to 65535' })
  @Min(0, { message: 'must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'must be a whole number from 0 to 65535' })
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/\S+\/[A-Za-z0-9_-]+(\?\S*)?$/, {
    message: 'must be a postgres:// URL that names a database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/kintsugi';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces every Redis key (queues, rate limits, socket adapter) so that runs never collide. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 characters of A-Z, a-z, 0-9, _ or -' })
  REDIS_PREFIX = 'kintsugi';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{3,32}$/, { message: 'must be 3-32 characters of A-Z, a-z, 0-9, _ or -' })
  ADMIN_HANDLE?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @Matches(DURATION_LIST, { message: 'must be a comma list of durations such as 24h,15m,90s' })
  REMINDER_OFFSETS = '24h,15m';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 1 to 100' })
  @Min(1, { message: 'must be a whole number from 1 to 100' })
  @Max(100, { message: 'must be a whole number from 1 to 100' })
  MOD_AUTOHIDE_FLAGS = 3;

  /**
   * The worker process's niceness (0–19). On a host it shares with the API, the API's chat
   * comes first and screening takes the CPU the chat leaves; screening has a second to spare,
   * a chat message a tenth of one. 19 rather than 10 raised the fan-out bench's ceiling with
   * the worker from 1,600 sends/s (three rounds) to a median of 2,000 (six rounds, 800–2,400),
   * and screening still kept pace at every step.
   * The API process (with RUN_WORKERS) never changes its own.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number from 0 to 19' })
  @Min(0, { message: 'must be a whole number from 0 to 19' })
  @Max(19, { message: 'must be a whole number from 0 to 19' })
  WORKER_NICE = 19;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM = 'Kintsugi <no-reply@kintsugi.invalid>';

  /** Base URL used in e-mail links (unsubscribe). */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  RUN_WORKERS = true;

  @Matches(RATE_LIMIT, { message: 'must look like 10/15m' })
  RATE_LIMIT_LOGIN = '10/15m';

  @Matches(RATE_LIMIT, { message: 'must look like 20/1h' })
  RATE_LIMIT_REGISTER = '20/1h';

  @Matches(RATE_LIMIT, { message: 'must look like 20/10s' })
  RATE_LIMIT_SEND = '20/10s';

  @Matches(RATE_LIMIT, { message: 'must look like 30/1h' })
  RATE_LIMIT_FLAG = '30/1h';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** JSON list of `{ name, contact, region }` shown to a member whose message signals a crisis. */
  @IsOptional()
  @IsString()
  CRISIS_RESOURCES?: string;

  /** How often the reminder reconciler re-creates missing jobs. */
  @Matches(/^\d{1,6}[smhd]$/, { message: 'must be a duration such as 5m' })
  RECONCILE_INTERVAL = '5m';

  /**
   * An HTTP moderation service (OpenAI's moderation request and response format) that screens
   * every message beside the platform's own screeners; unset, only they screen.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  SCREENING_PROVIDER_URL?: string;

  /** Sent to the moderation service as a Bearer token, when set. */
  @IsOptional()
  @IsString()
  SCREENING_PROVIDER_TOKEN?: string;

  /** How long a message waits for the moderation service before the platform's screeners decide alone. */
  @Matches(/^\d{1,6}(ms|s)$/, { message: 'must be a duration such as 800ms or 2s' })
  SCREENING_PROVIDER_TIMEOUT = '1500ms';

  /**
   * The longest a member of a crashed API process still counts as online: its
   * sockets' presence leases lapse and a live process says goodbye for them.
   */
  @Matches(/^\d{1,6}(ms|s|m)$/, { message: 'must be a duration such as 60s' })
  PRESENCE_LEASE = '60s';

  /**
   * How long a new member's held post waits for a moderator before it is
   * shown anyway, if screening found nothing in it (groups with new-member review on).
   */
  @Matches(/^\d{1,6}(ms|s|m|h|d)$/, { message: 'must be a duration such as 10m' })
  NEW_MEMBER_HOLD = '10m';

  get reminderOffsets(): { text: string; ms: number }[] {
    return this.REMINDER_OFFSETS.split(',').map((text) => ({
      text: text.trim(),
      ms: parseDuration(text) as number,
    }));
  }

  rateLimit(name: 'LOGIN' | 'REGISTER' | 'SEND' | 'FLAG'): RateLimitSpec {
    return parseRateLimit(this[`RATE_LIMIT_${name}`]) as RateLimitSpec;
  }

  get reconcileIntervalMs(): number {
    return parseDuration(this.RECONCILE_INTERVAL) as number;
  }

  get screeningProviderTimeoutMs(): number {
    return parseDuration(this.SCREENING_PROVIDER_TIMEOUT) as number;
  }

  get presenceLeaseMs(): number {
    return parseDuration(this.PRESENCE_LEASE) as number;
  }

  get newMemberHoldMs(): number {
    return parseDuration(this.NEW_MEMBER_HOLD) as number;
  }
}

export class InvalidEnvError extends Error {}

const OPTIONAL_KEYS = [
  'JWT_SECRET',
  'ADMIN_HANDLE',
  'ADMIN_PASSWORD',
  'SMTP_URL',
  'CRISIS_RESOURCES',
  'SCREENING_PROVIDER_URL',
  'SCREENING_PROVIDER_TOKEN',
];
const ENV_KEYS = new Set([...Object.keys(new Env()), ...OPTIONAL_KEYS]);

/**
 * Reads and validates the environment. Throws one error whose message names
 * each bad variable and what is wrong with it, never its value (it may be a secret).
 */
export function loadEnv(source: Record<string, string | undefined> = readProcessEnv()): Env {
  const raw = Object.fromEntries(
    Object.entries(source).filter(
      ([key, value]) => ENV_KEYS.has(key) && value !== undefined && value !== '',
    ),
  );
  const env = plainToInstance(Env, raw);
  const problems = validateSync(env).map(
    (error) => `${error.property} ${Object.values(error.constraints ?? {})[0] ?? 'is invalid'}`,
  );
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === undefined) {
    problems.push('JWT_SECRET is required in production');
  }
  if (problems.length === 0 && env.reminderOffsets.some((offset) => offset.ms === null)) {
    problems.push('REMINDER_OFFSETS must list durations above zero');
  }
  if (problems.length === 0 && parseDuration(env.SCREENING_PROVIDER_TIMEOUT) === null) {
    problems.push('SCREENING_PROVIDER_TIMEOUT must be above zero');
  }
  // Renewals and sweeps run at fractions of the lease; under a second they would flood Redis.
  if (problems.length === 0 && !(env.presenceLeaseMs >= 1000)) {
    problems.push('PRESENCE_LEASE must be at least 1s');
  }
  if (problems.length === 0 && parseDuration(env.NEW_MEMBER_HOLD) === null) {
    problems.push('NEW_MEMBER_HOLD must be above zero');
  }
  if (problems.length > 0)
    throw new InvalidEnvError(`Invalid configuration: ${problems.join('; ')}`);
  env.JWT_SECRET ??= randomBytes(48).toString('base64url');
  return env;
}

/** The process environment, completed by a `.env` file in the working directory when there is one. */
function readProcessEnv(): Record<string, string | undefined> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
