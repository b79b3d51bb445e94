import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { CheckIn } from '../api/types';
import { ErrorText } from '../ui/ErrorText';
import { codePoints, MAX_NOTE, SCALES, type ScaleKey } from './scales';

type Answers = Partial<Record<ScaleKey, number>>;

/** Today's check-in: five 1–5 questions as radio groups, and a private note. */
export function CheckInForm({ onSaved }: { onSaved: (checkIn: CheckIn) => void }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const length = codePoints(note);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = SCALES.find((s) => answers[s.key] === undefined);
    if (missing) return setError(`Please answer “${missing.label}”.`);
    if (length > MAX_NOTE) return setError(`The note is ${length - MAX_NOTE} characters too long.`);
    setSaving(true);
    try {
      onSaved(
        await post<CheckIn>('/api/me/checkins', { ...answers, note: note.trim() ? note : null }),
      );
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="stack card" onSubmit={submit} aria-labelledby="checkin-form-title">
      <h2 id="checkin-form-title">Today’s check-in</h2>
      <p class="hint" id="scale-hint">
        1 means not at all, 5 means very much. There are no right answers.
      </p>
      {SCALES.map((scale) => (
        <fieldset key={scale.key} class="scale" aria-describedby="scale-hint">
          <legend>{scale.label}</legend>
          <p class="hint">{scale.question}</p>
          <div class="scale-choices">
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} class="scale-choice">
                <input
                  type="radio"
                  name={`checkin-${scale.key}`}
                  value={value}
                  checked={answers[scale.key] === value}
                  onChange={() => setAnswers((a) => ({ ...a, [scale.key]: value }))}
                />
                {value}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div class="field">
        <label for="checkin-note">A note, just for you (optional)</label>
        <textarea
          id="checkin-note"
          rows={4}
          value={note}
          aria-describedby="checkin-note-hint"
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <p class="hint" id="checkin-note-hint">
          Only you can read it. {length} of {MAX_NOTE} characters.
        </p>
      </div>
      <ErrorText message={error} />
      <button type="submit" class="primary" disabled={saving}>
        Save today’s check-in
      </button>
    </form>
  );
}
