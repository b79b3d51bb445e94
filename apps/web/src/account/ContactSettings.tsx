import { useState } from 'preact/hooks';
import { describeError, patch } from '../api/client';
import type { Me } from '../api/types';
import { me } from '../app/session';
import { ErrorText } from '../ui/ErrorText';

/** E-mail for reminders and which reminders to get. */
export function ContactSettings({ user }: { user: Me }) {
  const [email, setEmail] = useState(user.email ?? '');
  const [byEmail, setByEmail] = useState(user.notificationPrefs.email);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    try {
      const body: Record<string, unknown> = {
        notificationPrefs: { email: byEmail, inApp: user.notificationPrefs.inApp },
      };
      if (email.trim()) body.email = email.trim();
      me.set(await patch<Me>('/api/me', body));
      setError('');
      setSaved(true);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <form class="stack card" onSubmit={submit}>
      <h2>Reminders</h2>
      <div class="field">
        <label for="acct-email">E-mail (optional, never shown to anyone)</label>
        <input
          id="acct-email"
          type="email"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={byEmail}
          onChange={(e) => setByEmail(e.currentTarget.checked)}
        />
        Send reminders by e-mail too
      </label>
      <ErrorText message={error} />
      {saved && <p role="status">Saved.</p>}
      <button type="submit">Save</button>
    </form>
  );
}
