const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d{1,6})(ms|s|m|h|d)$/;

/** Parses `800ms`, `90s`, `15m`, `24h`, `7d` into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}

export interface RateLimitSpec {
  limit: number;
  windowMs: number;
  /** As configured, e.g. `10/15m`. */
  text: string;
}

/** Parses `N/window` (`10/15m`); null when malformed. */
export function parseRateLimit(text: string): RateLimitSpec | null {
  const [count, window, ...rest] = text.trim().split('/');
  if (rest.length > 0 || !/^\d{1,7}$/.test(count ?? '') || window === undefined) return null;
  const windowMs = parseDuration(window);
  const limit = Number(count);
  if (windowMs === null || limit < 1) return null;
  return { limit, windowMs, text: text.trim() };
}
