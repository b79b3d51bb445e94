import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { ReviewItem } from '../api/types';
import { formatDateTime, formatTime } from '../app/format';
import { ErrorText } from '../ui/ErrorText';
import { ResolveForm } from './ResolveForm';

/** A new member's held post: not a finding, the group's review of newcomers. */
const NEW_MEMBER = 'new_member';

const reasonSource = (r: ReviewItem['reasons'][number]): string =>
  r.category === NEW_MEMBER
    ? 'New-member review'
    : r.source === 'auto'
      ? 'Screening'
      : 'Member flag';

export function ReviewItemCard({
  item,
  onChange,
}: {
  item: ReviewItem;
  onChange: (item: ReviewItem) => void;
}) {
  const [error, setError] = useState('');
  const claim = async () => {
    try {
      onChange(await post<ReviewItem>(`/api/moderation/queue/${item.id}/claim`));
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <li class={`card review ${item.priority}`}>
      <p class="muted">
        <span class={`priority ${item.priority}`}>{item.priority}</span> · {item.group.name} ·{' '}
        {formatDateTime(item.createdAt)}
        {item.claimedBy && ` · claimed by ${item.claimedBy.handle}`}
      </p>
      <blockquote class="flagged">
        <p class="author">{item.author?.handle ?? 'A former member'}</p>
        <p class="body">{item.message.body}</p>
      </blockquote>
      {item.message.status === 'pending' && (
        <p class="muted">
          Not yet seen by the group: approve to show it to everyone, or remove it.
        </p>
      )}
      <ul class="reasons" aria-label="Reasons">
        {item.reasons.map((r, i) => (
          <li key={i}>
            {reasonSource(r)}: {r.category === NEW_MEMBER ? 'a new member’s post' : r.category}
            {r.detail && ` (${r.detail})`}
          </li>
        ))}
      </ul>
      <details>
        <summary>Context ({item.context.length} earlier messages)</summary>
        <ol class="context">
          {item.context.map((m) => (
            <li key={m.id}>
              <span class="author">{m.author?.handle ?? 'A former member'}</span>{' '}
              <span class="muted">{formatTime(m.createdAt)}</span>: {m.body ?? '(not shown)'}
            </li>
          ))}
        </ol>
      </details>
      <ErrorText message={error} />
      {item.status === 'resolved' && item.resolution ? (
        <p role="status">
          Resolved: {item.resolution.action}{' '}
          {item.resolution.actor
            ? `by ${item.resolution.actor.handle}`
            : '(shown automatically after the new-member hold)'}
        </p>
      ) : (
        <>
          {!item.claimedBy && (
            <button type="button" onClick={claim}>
              Claim
            </button>
          )}
          <ResolveForm item={item} onResolved={onChange} />
        </>
      )}
    </li>
  );
}
