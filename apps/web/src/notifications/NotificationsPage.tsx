import { useEffect } from 'preact/hooks';
import { formatDateTime } from '../app/format';
import { navigate } from '../app/router';
import { useStore } from '../app/store';
import { ResourceList } from '../safety/ResourceList';
import { Page } from '../ui/Page';
import { moderatorNote, notificationText } from './notification-text';
import { loadNotifications, markRead, notifications } from './notifications-store';

export function NotificationsPage() {
  const items = useStore(notifications);
  useEffect(() => {
    void loadNotifications();
  }, []);
  return (
    <Page title="Notifications">
      {items.length === 0 && <p>Nothing new.</p>}
      <ul class="notifications">
        {items.map((n) => (
          <li key={n.id} class={n.readAt ? 'notification' : 'notification unread'}>
            <p>
              {!n.readAt && <span class="visually-hidden">Unread: </span>}
              {notificationText(n)}
            </p>
            {moderatorNote(n) && <p>{moderatorNote(n)}</p>}
            {n.kind === 'crisis_resources' && <ResourceList resources={n.payload.resources} />}
            {n.kind === 'checkin_reminder' && (
              <button type="button" class="link" onClick={() => navigate({ name: 'checkin' })}>
                Open check-in
              </button>
            )}
            <p class="muted">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
            </p>
            {!n.readAt && (
              <button type="button" onClick={() => void markRead(n.id)}>
                Mark as read
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
