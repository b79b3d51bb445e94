import { useState } from 'preact/hooks';
import { del, describeError, refreshTokens } from '../api/client';
import { forgetSession } from '../app/session';
import { ErrorText } from '../ui/ErrorText';

/** Erasure, with exactly what happens spelled out before the password is asked. */
export function DeleteAccount() {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      // A fresh token first, so that a 401 here can only mean a wrong password.
      await refreshTokens();
      await del('/api/me', { password }, { refreshOn401: false });
      forgetSession();
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section class="stack card danger" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete my account</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          Delete my account…
        </button>
      ) : (
        <form class="stack" onSubmit={submit}>
          <p>This cannot be undone. When you delete your account:</p>
          <ul>
            <li>your e-mail address, time zone and settings are erased;</li>
            <li>you are signed out everywhere and your memberships, RSVPs and notifications go;</li>
            <li>
              your messages stay in the conversations so that others’ replies still make sense, but
              they no longer show your name: they read as written by “a former member”;
            </li>
            <li>your name here stays reserved, so nobody can pretend to be you.</li>
          </ul>
          <div class="field">
            <label for="delete-password">Your password, to confirm</label>
            <input
              id="delete-password"
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </div>
          <ErrorText message={error} />
          <div class="actions">
            <button type="submit" class="danger">
              Delete everything
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
