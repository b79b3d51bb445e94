import { useState } from 'preact/hooks';
import { describeError } from '../api/client';
import { FLAG_REASONS, type FlagReason } from '../api/types';
import { ErrorText } from '../ui/ErrorText';

const REASON_TEXT: Record<FlagReason, string> = {
  harassment: 'It is hurtful or harassing',
  identifying_info: 'It could identify someone',
  crisis: 'Someone may be in danger',
  spam: 'It is spam',
  other: 'Something else',
};

/** Asks a moderator to look at a message, with a reason. */
export function FlagForm({
  messageId,
  onFlag,
  onDone,
}: {
  messageId: string;
  onFlag: (reason: FlagReason, note: string) => Promise<string>;
  onDone: () => void;
}) {
  const [reason, setReason] = useState<FlagReason>('harassment');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  if (done)
    return (
      <p role="status" class="flag-done">
        {done}{' '}
        <button type="button" class="link" onClick={onDone}>
          Close
        </button>
      </p>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      setDone(await onFlag(reason, note));
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack flag-form" onSubmit={submit}>
      <fieldset>
        <legend>Why should a moderator look at this?</legend>
        {FLAG_REASONS.map((r) => (
          <label class="check" key={r}>
            <input
              type="radio"
              name={`flag-${messageId}`}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {REASON_TEXT[r]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`flag-note-${messageId}`}>Anything to add (optional)</label>
        <input
          id={`flag-note-${messageId}`}
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <ErrorText message={error} />
      <div class="actions">
        <button type="submit" class="primary">
          Send to a moderator
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
