import { useEffect, useState } from 'preact/hooks';
import { api, describeError, get } from '../api/client';
import { ErrorText } from '../ui/ErrorText';

/** The opt-in weekly reminder: in the app only, worded like every other notification. */
export function ReminderSetting() {
  const [weekly, setWeekly] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    get<{ weekly: boolean }>('/api/me/checkins/reminder')
      .then((r) => setWeekly(r.weekly))
      .catch((err) => setError(describeError(err)));
  }, []);

  const change = async (next: boolean) => {
    setSaved(false);
    try {
      setWeekly(
        (await api<{ weekly: boolean }>('PUT', '/api/me/checkins/reminder', { weekly: next }))
          .weekly,
      );
      setError('');
      setSaved(true);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section class="stack card" aria-labelledby="checkin-reminder-title">
      <h2 id="checkin-reminder-title">Weekly reminder</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={weekly === true}
          disabled={weekly === null}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        Remind me in the app after a week without a check-in
      </label>
      <p class="hint">It reads “Time for your weekly check-in” and is never e-mailed.</p>
      <ErrorText message={error} />
      {saved && <p role="status">Saved.</p>}
    </section>
  );
}
