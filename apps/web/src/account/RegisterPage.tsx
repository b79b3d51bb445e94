import { useState } from 'preact/hooks';
import { describeError, post } from '../api/client';
import type { AuthResult, JourneyRole } from '../api/types';
import { navigate } from '../app/router';
import { signIn } from '../app/session';
import { ErrorText } from '../ui/ErrorText';
import { Page } from '../ui/Page';
import { JourneyRoleChoice } from './JourneyRoleChoice';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function RegisterPage() {
  const [chooseHandle, setChooseHandle] = useState(false);
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [journeyRole, setJourneyRole] = useState<JourneyRole | null>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!journeyRole) return setError('Please choose which describes you.');
    setBusy(true);
    setError('');
    try {
      const result = await post<AuthResult>('/api/auth/register', {
        ...(chooseHandle ? { handle } : {}),
        password,
        journeyRole,
        ...(email.trim() ? { email: email.trim() } : {}),
        timezone: browserZone(),
      });
      await signIn(result);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Page title="Join anonymously" intro="No real name needed. This takes a minute.">
      <form class="stack" onSubmit={submit}>
        <fieldset class="choices">
          <legend>Your name here</legend>
          <label class="choice">
            <input
              type="radio"
              name="handleMode"
              checked={!chooseHandle}
              onChange={() => setChooseHandle(false)}
            />
            <span>Make one up for me (like “quiet-heron”)</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="handleMode"
              checked={chooseHandle}
              onChange={() => setChooseHandle(true)}
            />
            <span>I’ll choose one</span>
          </label>
          {chooseHandle && (
            <div class="field">
              <label for="reg-handle">Name others will see</label>
              <input
                id="reg-handle"
                required
                minLength={3}
                maxLength={32}
                pattern="[A-Za-z0-9_\-]+"
                autoComplete="username"
                aria-describedby="reg-handle-hint"
                value={handle}
                onInput={(e) => setHandle(e.currentTarget.value)}
              />
              <span id="reg-handle-hint" class="hint">
                3–32 letters, digits, - or _. Not your real name, and not a phone number.
              </span>
            </div>
          )}
        </fieldset>
        <div class="field">
          <label for="reg-password">Password</label>
          <input
            id="reg-password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            aria-describedby="reg-password-hint"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <span id="reg-password-hint" class="hint">
            At least 10 characters. There is no reset without an e-mail, so keep it safe.
          </span>
        </div>
        <JourneyRoleChoice value={journeyRole} onChange={setJourneyRole} />
        <div class="field">
          <label for="reg-email">E-mail for reminders (optional)</label>
          <input
            id="reg-email"
            type="email"
            autoComplete="email"
            aria-describedby="reg-email-hint"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <span id="reg-email-hint" class="hint">
            Only used to remind you before your group meets. Nobody else sees it, and the e-mails
            never say what the group is about.
          </span>
        </div>
        <p class="hint">Times will be shown in your time zone: {browserZone()}.</p>
        <ErrorText message={error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create my account'}
          </button>
          <button type="button" onClick={() => navigate({ name: 'login' })}>
            I already have one
          </button>
        </div>
      </form>
    </Page>
  );
}
