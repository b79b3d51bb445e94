import { useStore } from '../app/store';
import { markRead, notifications } from '../notifications/notifications-store';
import { ResourceList } from './ResourceList';

/**
 * Shown at the top of every screen while a crisis_resources notification is
 * unread: warm, private (only the author receives it), and dismissed only by
 * the member.
 */
export function CrisisNotice() {
  const items = useStore(notifications);
  const crisis = items.find((n) => n.kind === 'crisis_resources' && !n.readAt);
  if (!crisis || crisis.kind !== 'crisis_resources') return null;
  return (
    <div class="crisis-notice" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">You matter, and you don’t have to carry this alone</h2>
      <p>
        Something you wrote sounded very heavy. If you are in danger or thinking of hurting
        yourself, please contact one of these now. They are free and confidential.
      </p>
      <ResourceList resources={crisis.payload.resources} />
      <p>A moderator has also been asked to check in with you.</p>
      <button type="button" onClick={() => void markRead(crisis.id)}>
        I’ve seen this
      </button>
    </div>
  );
}
