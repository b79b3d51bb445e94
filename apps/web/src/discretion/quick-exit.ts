import { readTokens } from '../api/tokens';

/** Any neutral page will do; it replaces this one so Back does not return here. */
export const NEUTRAL_SITE = 'https://www.bbc.com/weather';

/**
 * Leaves at once: the tab's current entry is replaced by a neutral site
 * (location.replace adds no history entry, and the app never pushes any), the
 * tokens are dropped from this tab, and the session is revoked in the
 * background (keepalive lets the request outlive the page).
 */
export function quickExit(): void {
  const tokens = readTokens();
  sessionStorage.clear();
  if (tokens) {
    void fetch('/api/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      keepalive: true,
    }).catch(() => undefined);
  }
  document.title = 'Weather';
  document.body.replaceChildren();
  window.location.replace(NEUTRAL_SITE);
}

const DOUBLE_PRESS_MS = 800;

/** Escape pressed twice in quick succession, anywhere, is the keyboard quick exit. */
export function listenForDoubleEscape(): () => void {
  // Not 0: performance.now() starts at page load, so 0 would make a lone Escape pressed in the
  // page's first 800 ms count as the second of a pair.
  let last = Number.NEGATIVE_INFINITY;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const now = performance.now();
    if (now - last < DOUBLE_PRESS_MS) quickExit();
    last = now;
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}
