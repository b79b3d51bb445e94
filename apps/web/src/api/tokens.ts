/**
 * Where the tokens live. sessionStorage, not localStorage: they survive a
 * reload of this tab but vanish with it, so a closed tab leaves no signed-in
 * trace on a shared device. The key name is deliberately bland.
 */
const KEY = 'notes.s';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export function readTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function writeTokens(tokens: Tokens | null): void {
  if (tokens) sessionStorage.setItem(KEY, JSON.stringify(tokens));
  else sessionStorage.removeItem(KEY);
}
