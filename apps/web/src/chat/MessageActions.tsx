import { useState } from 'preact/hooks';
import { describeError } from '../api/client';
import { ErrorText } from '../ui/ErrorText';

/** Edit and delete for my own messages, flag for the others'. */
export function MessageActions({
  mine,
  onEdit,
  onDelete,
  onFlag,
}: {
  mine: boolean;
  onEdit: () => void;
  onDelete: () => Promise<void>;
  onFlag: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    try {
      await onDelete();
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <details class="message-actions">
      <summary>More</summary>
      <div class="actions">
        {mine && (
          <button type="button" onClick={onEdit}>
            Edit
          </button>
        )}
        {mine && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
        {mine && confirming && (
          <>
            <span>Delete for everyone?</span>
            <button type="button" class="danger" onClick={remove}>
              Yes, delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              No
            </button>
          </>
        )}
        {!mine && (
          <button type="button" onClick={onFlag}>
            Flag for a moderator
          </button>
        )}
      </div>
      <ErrorText message={error} />
    </details>
  );
}
