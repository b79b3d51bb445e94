import type { Notification } from './notification.entity';
import type { NotificationKind } from './notification.kinds';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  payload: object;
  createdAt: string;
  readAt: string | null;
}

export const toNotificationView = (
  n: Pick<Notification, 'id' | 'kind' | 'payload' | 'createdAt' | 'readAt'>,
): NotificationView => ({
  id: n.id,
  kind: n.kind,
  payload: n.payload,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});
