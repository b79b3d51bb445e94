import { get, onSignedOut } from '../api/client';
import { readTokens, writeTokens } from '../api/tokens';
import type { AuthResult, Me } from '../api/types';
import { connectLive, disconnectLive } from '../live/live-socket';
import { navigate } from './router';
import { createStore } from './store';

/** The signed-in member, or null. */
export const me = createStore<Me | null>(null);

export const isModerator = (user: Me | null) =>
  !!user && (user.roles.includes('moderator') || user.roles.includes('admin'));
export const isAdmin = (user: Me | null) => !!user && user.roles.includes('admin');

export async function signIn(result: AuthResult): Promise<void> {
  writeTokens({ accessToken: result.accessToken, refreshToken: result.refreshToken });
  // The login answer has the public parts; /api/me adds e-mail, time zone and preferences.
  me.set(await get<Me>('/api/me').catch(() => result.user));
  connectLive();
  navigate({ name: 'groups' });
}

/** Resumes a session of this tab after a reload. */
export async function resumeSession(): Promise<void> {
  if (!readTokens()) return;
  try {
    me.set(await get<Me>('/api/me'));
    connectLive();
    navigate({ name: 'groups' });
  } catch {
    forgetSession();
  }
}

/** Drops everything this tab holds about the member, without a request. */
export function forgetSession(): void {
  writeTokens(null);
  disconnectLive();
  me.set(null);
  navigate({ name: 'welcome' });
}

export async function signOut(): Promise<void> {
  const tokens = readTokens();
  if (tokens) {
    await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      keepalive: true,
    }).catch(() => undefined);
  }
  forgetSession();
}

onSignedOut(forgetSession);
