import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import { MODERATION_ACTIONS, type ModerationAction, type ReviewItem } from '../api/types';
import { ErrorText } from '../ui/ErrorText';

const ACTION_TEXT: Record<ModerationAction, string> = {
  approve: 'Approve: show the message again',
  remove: 'Remove the message',
  warn: 'Warn the author',
  mute: 'Mute the author for a while',
  ban: 'Ban the author from the group',
};

export function ResolveForm({
  item,
  onResolved,
}: {
  item: ReviewItem;
  onResolved: (item: ReviewItem) => void;
}) {
  const [action, setAction] = useState<ModerationAction>('approve');
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [error, setError] = useState('');
  const id = item.id;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const body: Record<string, unknown> = { action };
      if (note.trim()) body.note = note.trim();
      if (action === 'mute') body.durationMinutes = minutes;
      onResolved(await post<ReviewItem>(`/api/moderation/queue/${id}/resolve`, body));
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack resolve" onSubmit={submit}>
      <div class="field">
        <label for={`action-${id}`}>Action</label>
        <select
          id={`action-${id}`}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value as ModerationAction)}
        >
          {MODERATION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a === 'approve' && item.message.status === 'pending'
                ? 'Approve: show it to the group'
                : ACTION_TEXT[a]}
            </option>
          ))}
        </select>
      </div>
      {action === 'mute' && (
        <div class="field">
          <label for={`minutes-${id}`}>Mute for (minutes, up to 43200)</label>
          <input
            id={`minutes-${id}`}
            type="number"
            min={1}
            max={43200}
            required
            value={minutes}
            onInput={(e) => setMinutes(Number(e.currentTarget.value))}
          />
        </div>
      )}
      <div class="field">
        <label for={`note-${id}`}>
          Note (goes in the audit log{action === 'warn' ? ' and to the author' : ''})
        </label>
        <textarea
          id={`note-${id}`}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <ErrorText message={error} />
      <button type="submit" class="primary">
        Resolve
      </button>
    </form>
  );
}
