import { useEffect } from 'preact/hooks';
import { LockScreen } from '../discretion/LockScreen';
import { listenForDoubleEscape } from '../discretion/quick-exit';
import { locked, watchInactivity } from '../discretion/screen-lock';
import { UrgentAlert } from '../moderation/UrgentAlert';
import { loadNotifications } from '../notifications/notifications-store';
import { CrisisNotice } from '../safety/CrisisNotice';
import { NavBar } from './NavBar';
import { route } from './router';
import { Screen } from './Screen';
import { isModerator, me, resumeSession } from './session';
import { useStore } from './store';

export function App() {
  const user = useStore(me);
  const at = useStore(route);
  const isLocked = useStore(locked);

  useEffect(() => {
    void resumeSession();
    const stopEscape = listenForDoubleEscape();
    const stopWatching = watchInactivity();
    return () => {
      stopEscape();
      stopWatching();
    };
  }, []);

  useEffect(() => {
    if (user) void loadNotifications().catch(() => undefined);
  }, [user?.id]);

  if (isLocked && user) return <LockScreen />;
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <NavBar user={user} />
      <main id="main" tabIndex={-1}>
        {user && <CrisisNotice />}
        {isModerator(user) && <UrgentAlert />}
        <Screen at={at} user={user} />
      </main>
    </>
  );
}
