import type { ApiErrorBody } from './types';
import { readTokens, writeTokens, type Tokens } from './tokens';

/** An answer in API.md's error shape (or a network failure, as UNAVAILABLE). */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
}

const offline = (): ApiError =>
  new ApiError({ statusCode: 0, code: 'UNAVAILABLE', message: 'No connection. Please try again.' });

let signedOutListener: () => void = () => undefined;
/** Called when the refresh token is refused: the session is over. */
export const onSignedOut = (listener: () => void): void => {
  signedOutListener = listener;
};

let refreshing: Promise<Tokens | null> | null = null;

/** Rotates the tokens once, however many requests found the access token expired at the same time. */
export function refreshTokens(): Promise<Tokens | null> {
  refreshing ??= (async () => {
    const current = readTokens();
    if (!current) return null;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).catch(() => null);
    if (!res) return current;
    if (!res.ok) {
      writeTokens(null);
      signedOutListener();
      return null;
    }
    const next = (await res.json()) as Tokens;
    writeTokens(next);
    return next;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send(method: string, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
}

/**
 * One API call with the member's token, refreshed and retried once on 401 —
 * unless the 401 can mean a wrong password (erasure), which no refresh fixes.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  { refreshOn401 = true } = {},
): Promise<T> {
  let tokens = readTokens();
  let res = await send(method, path, body, tokens?.accessToken);
  if (res?.status === 401 && tokens && refreshOn401) {
    tokens = await refreshTokens();
    if (tokens) res = await send(method, path, body, tokens.accessToken);
  }
  if (!res) throw offline();
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    throw new ApiError(
      parsed?.code
        ? (parsed as ApiErrorBody)
        : { statusCode: res.status, code: 'INTERNAL', message: 'Something went wrong.' },
    );
  }
  return parsed as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T = void>(path: string, body?: unknown, options?: { refreshOn401?: boolean }) =>
  api<T>('DELETE', path, body, options);

/** Readable text for an error from any call, with the first validation detail when there is one. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  const detail = error.body.details?.[0];
  return detail && error.code === 'VALIDATION_FAILED'
    ? `${error.message} (${detail.field}: ${detail.problem})`
    : error.message;
}
