import { useEffect, useState } from 'preact/hooks';
import { describeError, patch } from '../api/client';
import type { Group } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { GroupSelect } from './GroupSelect';

const MIN_POSTS = 1;
const MAX_POSTS = 20;

/**
 * Turns new-member review on or off for one group: while on, each member's
 * first posts there wait for a moderator (or the hold) before the group sees them.
 */
export function NewMemberReviewForm({
  groups,
  onChanged,
}: {
  groups: Group[];
  onChanged: (group: Group) => void;
}) {
  const [groupId, setGroupId] = useState('');
  const [enabled, setEnabled] = useState(false);
  const [posts, setPosts] = useState(3);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const group = groups.find((g) => g.id === groupId);

  // Choosing a group shows what it has now.
  useEffect(() => {
    setDone('');
    setError('');
    if (!group) return;
    setEnabled(group.newMemberReview.enabled);
    setPosts(group.newMemberReview.posts);
  }, [groupId]);

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const changed = await patch<Group>(`/api/groups/${groupId}`, {
        newMemberReview: { enabled, posts },
      });
      onChanged(changed);
      setDone(
        changed.newMemberReview.enabled
          ? `New members’ first ${changed.newMemberReview.posts} posts in ${changed.name} will be reviewed.`
          : `New members’ posts in ${changed.name} are no longer held.`,
      );
      setError('');
    } catch (err) {
      setDone('');
      setError(describeError(err));
    }
  };

  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="review-title">
      <h2 id="review-title">New-member review</h2>
      <p class="muted">
        The first posts of members who join from when it is turned on wait for a moderator before
        the group sees them. Members who joined before, moderators and admins are never held.
      </p>
      <GroupSelect id="review-group" groups={groups} value={groupId} onChange={setGroupId} />
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          disabled={!group}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        Review new members’ first posts
      </label>
      <div class="field">
        <label for="review-posts">
          Posts to review ({MIN_POSTS}–{MAX_POSTS})
        </label>
        <input
          id="review-posts"
          type="number"
          min={MIN_POSTS}
          max={MAX_POSTS}
          required
          disabled={!group}
          value={posts}
          onInput={(e) => setPosts(Number(e.currentTarget.value))}
        />
      </div>
      <ErrorText message={error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" class="primary" disabled={!group}>
        Save review setting
      </button>
    </form>
  );
}
