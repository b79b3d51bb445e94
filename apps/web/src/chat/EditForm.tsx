import { useState } from 'preact/hooks';
import { describeError } from '../api/client';
import { ErrorText } from '../ui/ErrorText';

export function EditForm({
  messageId,
  initial,
  onSave,
  onDone,
}: {
  messageId: string;
  initial: string;
  onSave: (body: string) => Promise<void>;
  onDone: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await onSave(body);
      onDone();
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <label for={`edit-${messageId}`} class="visually-hidden">
        Edit your message
      </label>
      <textarea
        id={`edit-${messageId}`}
        rows={3}
        maxLength={4000}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
      />
      <ErrorText message={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={!body.trim()}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
