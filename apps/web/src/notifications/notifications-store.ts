import { get, post } from '../api/client';
import type { Notification } from '../api/types';
import { createStore } from '../app/store';
import { onLive } from '../live/live-socket';

/** The member's notifications, newest first, kept current by the socket's `notification` event. */
export const notifications = createStore<Notification[]>([]);

export const unreadCount = (items: Notification[]) => items.filter((n) => !n.readAt).length;

export async function loadNotifications(): Promise<void> {
  const { items } = await get<{ items: Notification[] }>('/api/notifications');
  notifications.set(items);
}

export async function markRead(id: string): Promise<void> {
  await post<void>(`/api/notifications/${id}/read`);
  const now = new Date().toISOString();
  notifications.set((items) => items.map((n) => (n.id === id ? { ...n, readAt: now } : n)));
}

onLive<Notification>('notification', (incoming) =>
  notifications.set((items) => [incoming, ...items.filter((n) => n.id !== incoming.id)]),
);
