import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { AuthResult } from '../api/types';
import { navigate } from '../app/router';
import { signIn } from '../app/session';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';

export function LoginPage() {
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(await post<AuthResult>('/api/auth/login', { handle, password }));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in">
      <form class="stack" onSubmit={submit}>
        <div class="field">
          <label for="login-handle">Your name here</label>
          <input
            id="login-handle"
            required
            autoComplete="username"
            value={handle}
            onInput={(e) => setHandle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <ErrorText message={error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" onClick={() => navigate({ name: 'register' })}>
            Create an account
          </button>
        </div>
      </form>
    </Page>
  );
}
