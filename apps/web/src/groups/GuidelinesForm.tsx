import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { Group } from '../api/types';
import { request } from '../live/live-socket';
import { ErrorText } from '../ui/ErrorText';

/** The group's guidelines, read and accepted before joining. */
export function GuidelinesForm({
  group,
  onJoined,
  onCancel,
}: {
  group: Group;
  onJoined: () => void;
  onCancel: () => void;
}) {
  const [accepted, setAccepted] = useState(false);
  const [pseudonym, setPseudonym] = useState(false);
  const [error, setError] = useState('');
  const id = `guidelines-${group.id}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await post(`/api/groups/${group.id}/join`, { acceptGuidelines: true, pseudonym });
      // The socket joined its rooms at connect; a new group needs asking for.
      await request('group:subscribe', { groupId: group.id });
      onJoined();
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack guidelines" onSubmit={submit} aria-labelledby={id}>
      <h3 id={id}>Guidelines of {group.name}</h3>
      <div class="guidelines-text" tabIndex={0} role="region" aria-label="Guidelines">
        {group.guidelines.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {group.newMemberReview.enabled && (
        <p class="muted">
          In this group a moderator reads a new member’s first{' '}
          {group.newMemberReview.posts === 1 ? 'post' : `${group.newMemberReview.posts} posts`}{' '}
          before everyone else sees them. It happens to everyone who joins.
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          required
          checked={accepted}
          onChange={(e) => setAccepted(e.currentTarget.checked)}
        />
        I have read these guidelines and will follow them
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={pseudonym}
          aria-describedby={`${id}-pseudonym`}
          onChange={(e) => setPseudonym(e.currentTarget.checked)}
        />
        Appear under a different name in this group
      </label>
      <p class="muted" id={`${id}-pseudonym`}>
        You get a name made up for this group alone, such as “quiet-heron-3f”. Members here see it
        instead of your usual name, and nothing links it to you in your other groups.
      </p>
      <ErrorText message={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!accepted}>
          Join the group
        </button>
        <button type="button" onClick={onCancel}>
          Not now
        </button>
      </div>
    </form>
  );
}
