import { AccountPage } from '../account/AccountPage';
import { LoginPage } from '../account/LoginPage';
import { RegisterPage } from '../account/RegisterPage';
import { WelcomePage } from '../account/WelcomePage';
import { AdminPage } from '../admin/AdminPage';
import type { Me } from '../api/types';
import { ChatPage } from '../chat/ChatPage';
import { CheckInPage } from '../checkins/CheckInPage';
import { GroupsPage } from '../groups/GroupsPage';
import { AuditLogPage } from '../moderation/AuditLogPage';
import { ModerationQueuePage } from '../moderation/ModerationQueuePage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { ResourcesPage } from '../safety/ResourcesPage';
import { SessionsPage } from '../sessions/SessionsPage';
import type { Route } from './router';
import { isAdmin, isModerator } from './session';

/** The screen for a route; screens that need an account fall back to the welcome page without one. */
export function Screen({ at, user }: { at: Route; user: Me | null }) {
  if (at.name === 'resources') return <ResourcesPage />;
  if (!user) {
    if (at.name === 'register') return <RegisterPage />;
    if (at.name === 'login') return <LoginPage />;
    return <WelcomePage />;
  }
  switch (at.name) {
    case 'chat':
      return <ChatPage key={at.groupId} groupId={at.groupId} user={user} />;
    case 'sessions':
      return <SessionsPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'checkin':
      return <CheckInPage />;
    case 'account':
      return <AccountPage user={user} />;
    case 'moderation':
      return isModerator(user) ? <ModerationQueuePage /> : <GroupsPage />;
    case 'audit':
      return isModerator(user) ? <AuditLogPage /> : <GroupsPage />;
    case 'admin':
      return isAdmin(user) ? <AdminPage /> : <GroupsPage />;
    default:
      return <GroupsPage />;
  }
}
