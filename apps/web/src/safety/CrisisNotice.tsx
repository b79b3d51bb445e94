import { navigate } from '../app/router';
import { useStore } from '../app/store';
import { markRead, notifications } from '../notifications/notifications-store';
import { ResourceList } from './ResourceList';

/**
 * Shown at the top of every screen while a crisis_resources notification is
 * unread: warm, private (only the author receives it), and dismissed only by
 * the member. A message's crisis also reached a moderator; a check-in's did not.
 */
export function CrisisNotice() {
  const items = useStore(notifications);
  const crisis = items.find((n) => n.kind === 'crisis_resources' && !n.readAt);
  if (!crisis || crisis.kind !== 'crisis_resources') return null;
  const fromCheckIn = crisis.payload.checkInId !== undefined;
  return (
    <div class="crisis-notice" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">You matter, and you don’t have to carry this alone</h2>
      <p>
        Something you wrote sounded very heavy. If you are in danger or thinking of hurting
        yourself, please contact one of these now. They are free and confidential.
      </p>
      <ResourceList resources={crisis.payload.resources} />
      {fromCheckIn ? (
        // A check-in is private: its crisis signal reaches nobody but its author (README, "Check-ins").
        <p>
          Your check-in stays private: no moderator has been told. If you would like one to reach
          out, your check-in page shows how.{' '}
          <button type="button" class="link" onClick={() => navigate({ name: 'checkin' })}>
            How to reach a moderator
          </button>
        </p>
      ) : (
        <p>A moderator has also been asked to check in with you.</p>
      )}
      <button type="button" onClick={() => void markRead(crisis.id)}>
        I’ve seen this
      </button>
    </div>
  );
}
