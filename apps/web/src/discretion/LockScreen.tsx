import { useState } from 'preact/hooks';
import { forgetSession } from '../app/session';
import { QuickExitButton } from './QuickExitButton';
import { disableLock, unlock } from './screen-lock';

const MAX_TRIES = 5;

/** Shown instead of the whole app while locked: nothing of the app is rendered behind it. */
export function LockScreen() {
  const [pin, setPin] = useState('');
  const [tries, setTries] = useState(0);
  const [error, setError] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (await unlock(pin)) return;
    const used = tries + 1;
    setTries(used);
    setPin('');
    if (used >= MAX_TRIES) {
      disableLock();
      forgetSession();
      return;
    }
    setError(`That PIN is not right. ${MAX_TRIES - used} tries left before you are signed out.`);
  };

  return (
    <div class="lock-screen">
      <header class="lock-bar">
        <QuickExitButton />
      </header>
      <main class="narrow">
        <h1>Notes</h1>
        <form onSubmit={submit} class="stack">
          <label for="lock-pin">Enter your PIN to continue</label>
          <input
            id="lock-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
            aria-describedby={error ? 'lock-error' : undefined}
          />
          {error && (
            <p id="lock-error" class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary">
            Unlock
          </button>
        </form>
      </main>
    </div>
  );
}
