import { useEffect } from 'preact/hooks';
import { get } from '../api/client';
import type { ReviewItem } from '../api/types';
import { navigate } from '../app/router';
import { useStore } from '../app/store';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { useAsync } from '../ui/use-async';
import { urgentAlerts } from './alerts-store';
import { ReviewItemCard } from './ReviewItemCard';

/** Open items, as the server orders them: priority first, then age. */
export function ModerationQueuePage() {
  const { data, setData, error, loading, reload } = useAsync(
    () => get<{ items: ReviewItem[] }>('/api/moderation/queue?status=open'),
    [],
  );
  const alerts = useStore(urgentAlerts);
  useEffect(() => {
    if (alerts.length) void reload();
  }, [alerts.length]);

  const replace = (next: ReviewItem) =>
    setData((d) => d && { items: d.items.map((i) => (i.id === next.id ? next : i)) });

  return (
    <Page title="Review queue" wide>
      <div class="actions">
        <button type="button" onClick={() => void reload()}>
          Refresh
        </button>
        <button type="button" onClick={() => navigate({ name: 'audit' })}>
          Audit log
        </button>
      </div>
      <ErrorText message={error} />
      {loading && !data && <p role="status">Loading…</p>}
      {data && data.items.length === 0 && <p>Nothing waiting for review.</p>}
      <ul class="cards">
        {data?.items.map((item) => (
          <ReviewItemCard key={item.id} item={item} onChange={replace} />
        ))}
      </ul>
    </Page>
  );
}
