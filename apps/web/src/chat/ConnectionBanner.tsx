import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../app/store';
import { connection } from '../live/live-socket';

const BACK_SHOWN_MS = 3000;

/** Says plainly when the live connection is lost, and when it is back. */
export function ConnectionBanner() {
  const state = useStore(connection);
  const [back, setBack] = useState(false);
  const wasOffline = useRef(false);

  useEffect(() => {
    if (state === 'offline') wasOffline.current = true;
    if (state !== 'online' || !wasOffline.current) return;
    wasOffline.current = false;
    setBack(true);
    const timer = window.setTimeout(() => setBack(false), BACK_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <div role="status" class="connection-slot">
      {state === 'offline' && (
        <p class="connection offline">
          Connection lost. Trying to reconnect… What you write will be sent when it is back.
        </p>
      )}
      {state === 'online' && back && (
        <p class="connection online">Back online. You are up to date.</p>
      )}
    </div>
  );
}
