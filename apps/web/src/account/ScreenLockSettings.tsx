import { useState } from 'preact/hooks';
import { useStore } from '../app/store';
import {
  canLock,
  disableLock,
  enableLock,
  LOCK_MINUTES,
  lockNow,
  lockSettings,
} from '../discretion/screen-lock';
import { ErrorText } from '../ui/ErrorText';

export function ScreenLockSettings() {
  const settings = useStore(lockSettings);
  const [pin, setPin] = useState('');
  const [minutes, setMinutes] = useState<number>(5);
  const [error, setError] = useState('');

  if (!canLock()) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setError('Use 4 to 8 digits.');
    await enableLock(pin, minutes);
    setPin('');
    setError('');
  };

  return (
    <section class="stack card" aria-labelledby="lock-title">
      <h2 id="lock-title">Screen lock</h2>
      {settings ? (
        <>
          <p>After {settings.minutes} minute(s) without use, this tab asks for your PIN.</p>
          <div class="actions">
            <button type="button" onClick={lockNow}>
              Lock now
            </button>
            <button type="button" onClick={disableLock}>
              Turn off
            </button>
          </div>
        </>
      ) : (
        <form class="stack" onSubmit={submit}>
          <p class="hint">
            Hide this tab behind a PIN when you step away. It lasts until you close the tab.
          </p>
          <div class="field">
            <label for="lock-new-pin">PIN (4–8 digits)</label>
            <input
              id="lock-new-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onInput={(e) => setPin(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="lock-minutes">Lock after</label>
            <select
              id="lock-minutes"
              value={minutes}
              onChange={(e) => setMinutes(Number(e.currentTarget.value))}
            >
              {LOCK_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} minute{m === 1 ? '' : 's'} without use
                </option>
              ))}
            </select>
          </div>
          <ErrorText message={error} />
          <button type="submit">Turn on</button>
        </form>
      )}
    </section>
  );
}
