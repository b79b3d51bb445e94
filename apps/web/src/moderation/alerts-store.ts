import type { ReviewItem } from '../api/types';
import { createStore } from '../app/store';
import { onLive } from '../live/live-socket';

/** Urgent review items announced live and not yet acknowledged by this moderator. */
export const urgentAlerts = createStore<ReviewItem[]>([]);

export const dismissAlerts = (): void => urgentAlerts.set([]);

onLive<{ item: ReviewItem }>('moderation:alert', ({ item }) =>
  urgentAlerts.set((items) => [item, ...items.filter((i) => i.id !== item.id)]),
);
