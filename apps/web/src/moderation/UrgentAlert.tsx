import { navigate } from '../app/router';
import { useStore } from '../app/store';
import { dismissAlerts, urgentAlerts } from './alerts-store';

/** Unmistakable: a strong banner on every screen until the moderator opens the queue. */
export function UrgentAlert() {
  const items = useStore(urgentAlerts);
  if (items.length === 0) return null;
  const open = () => {
    dismissAlerts();
    navigate({ name: 'moderation' });
  };
  return (
    <div class="urgent-alert" role="alert" aria-labelledby="urgent-title">
      <h2 id="urgent-title">
        Urgent: {items.length} message{items.length === 1 ? '' : 's'} need
        {items.length === 1 ? 's' : ''} a moderator now
      </h2>
      <p>
        {items[0].group.name}: {items[0].reasons.map((r) => r.detail ?? r.category).join(', ')}
      </p>
      <button type="button" class="primary" onClick={open}>
        Open the review queue
      </button>
    </div>
  );
}
