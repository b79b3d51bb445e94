import type { Me } from '../api/types';
import { QuickExitButton } from '../discretion/QuickExitButton';
import { notifications, unreadCount } from '../notifications/notifications-store';
import { navigate, route, type Route } from './router';
import { isAdmin, isModerator } from './session';
import { useStore } from './store';

function NavLink({ to, label, badge }: { to: Route; label: string; badge?: number }) {
  const current = useStore(route);
  return (
    <li>
      <button
        type="button"
        class="nav-link"
        aria-current={current.name === to.name ? 'page' : undefined}
        onClick={() => navigate(to)}
      >
        {label}
        {!!badge && (
          <span class="badge" aria-label={`, ${badge} unread`}>
            {badge}
          </span>
        )}
      </button>
    </li>
  );
}

/** Every screen's top bar: the quick exit first, help always reachable. */
export function NavBar({ user }: { user: Me | null }) {
  const unread = unreadCount(useStore(notifications));
  return (
    <header class="top">
      <div class="top-row">
        <span class="brand">Kintsugi</span>
        <QuickExitButton />
      </div>
      <nav aria-label="Main">
        <ul>
          {user ? (
            <>
              <NavLink to={{ name: 'groups' }} label="Groups" />
              <NavLink to={{ name: 'sessions' }} label="Discussions" />
              <NavLink to={{ name: 'checkin' }} label="Check-in" />
              <NavLink to={{ name: 'notifications' }} label="Notifications" badge={unread} />
              {isModerator(user) && <NavLink to={{ name: 'moderation' }} label="Review" />}
              {isAdmin(user) && <NavLink to={{ name: 'admin' }} label="Admin" />}
              <NavLink to={{ name: 'account' }} label="Account" />
            </>
          ) : (
            <NavLink to={{ name: 'welcome' }} label="Welcome" />
          )}
          <NavLink to={{ name: 'resources' }} label="Help now" />
        </ul>
      </nav>
    </header>
  );
}
