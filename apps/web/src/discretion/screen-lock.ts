import { createStore } from '../app/store';

/**
 * Optional PIN lock after inactivity. It guards an unattended screen against
 * a glance, not against someone with developer tools: the PIN's SHA-256
 * digest (salted) and the locked flag live in this tab's sessionStorage, so a
 * reload stays locked and a closed tab forgets both.
 */
interface LockSettings {
  digest: string;
  salt: string;
  minutes: number;
}

const SETTINGS_KEY = 'notes.l';
const LOCKED_KEY = 'notes.k';
export const LOCK_MINUTES = [1, 5, 15] as const;

export const locked = createStore<boolean>(sessionStorage.getItem(LOCKED_KEY) === '1');
export const lockSettings = createStore<LockSettings | null>(readSettings());

/** crypto.subtle exists only in secure contexts (https or localhost). */
export const canLock = (): boolean => !!globalThis.crypto?.subtle;

function readSettings(): LockSettings | null {
  try {
    return JSON.parse(sessionStorage.getItem(SETTINGS_KEY) ?? 'null') as LockSettings | null;
  } catch {
    return null;
  }
}

async function digestOf(pin: string, salt: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${pin}`));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function enableLock(pin: string, minutes: number): Promise<void> {
  const salt = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16)).join(
    '',
  );
  const settings = { digest: await digestOf(pin, salt), salt, minutes };
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  lockSettings.set(settings);
}

export function disableLock(): void {
  sessionStorage.removeItem(SETTINGS_KEY);
  lockSettings.set(null);
  setLocked(false);
}

function setLocked(value: boolean): void {
  if (value) sessionStorage.setItem(LOCKED_KEY, '1');
  else sessionStorage.removeItem(LOCKED_KEY);
  locked.set(value);
}

export const lockNow = (): void => setLocked(!!lockSettings.get());

export async function unlock(pin: string): Promise<boolean> {
  const settings = lockSettings.get();
  if (!settings) return true;
  const ok = (await digestOf(pin, settings.salt)) === settings.digest;
  if (ok) setLocked(false);
  return ok;
}

/** Locks after the chosen minutes without a key press, click, touch or scroll. */
export function watchInactivity(): () => void {
  let timer = 0;
  const restart = () => {
    window.clearTimeout(timer);
    const settings = lockSettings.get();
    if (settings && !locked.get()) timer = window.setTimeout(lockNow, settings.minutes * 60_000);
  };
  const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
  events.forEach((name) =>
    window.addEventListener(name, restart, { passive: true, capture: true }),
  );
  const unsubscribe = lockSettings.subscribe(restart);
  restart();
  return () => {
    window.clearTimeout(timer);
    unsubscribe();
    events.forEach((name) => window.removeEventListener(name, restart, { capture: true }));
  };
}
