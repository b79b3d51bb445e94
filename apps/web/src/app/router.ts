import { createStore } from './store';

export type Route =
  | { name: 'welcome' }
  | { name: 'register' }
  | { name: 'login' }
  | { name: 'groups' }
  | { name: 'chat'; groupId: string }
  | { name: 'sessions' }
  | { name: 'notifications' }
  | { name: 'checkin' }
  | { name: 'resources' }
  | { name: 'account' }
  | { name: 'moderation' }
  | { name: 'audit' }
  | { name: 'admin' };

/**
 * In-memory routing: moving between screens never adds a browser history
 * entry or changes the address, so the tab's back history holds one plain
 * page and the quick exit can replace it (Discretion).
 */
export const route = createStore<Route>({ name: 'welcome' });

export function navigate(next: Route): void {
  route.set(next);
  window.scrollTo(0, 0);
  // Move focus to the new screen's heading for keyboard and screen-reader users.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}
