import type { JourneyRole, NotificationPrefs, PlatformRole, User } from './user.entity';

/** The only shape of a member that other members ever see. */
export interface PublicUser {
  id: string;
  handle: string;
}

/** Who is calling: read fresh from the database on every request, so role changes, bans and erasure act at once. */
export interface AuthUser {
  id: string;
  handle: string;
  journeyRole: JourneyRole;
  roles: PlatformRole[];
}

export interface OwnProfile extends PublicUser {
  journeyRole: JourneyRole;
  roles: PlatformRole[];
  createdAt: string;
  email: string | null;
  timezone: string;
  notificationPrefs: NotificationPrefs;
}

export const toPublicUser = (user: Pick<User, 'id' | 'handle'>): PublicUser => ({
  id: user.id,
  handle: user.handle,
});

/** Authorship as other members see it: null once the author erased their account. */
export const toAuthor = (
  user: Pick<User, 'id' | 'handle' | 'erasedAt'> | null | undefined,
): PublicUser | null => (user && !user.erasedAt ? toPublicUser(user) : null);

export const toOwnProfile = (user: User): OwnProfile => ({
  id: user.id,
  handle: user.handle,
  journeyRole: user.journeyRole,
  roles: user.roles,
  createdAt: user.createdAt.toISOString(),
  email: user.email,
  timezone: user.timezone ?? 'UTC',
  notificationPrefs: user.notificationPrefs,
});

/** A member as an admin manages them: roles, never their e-mail or time zone (those are the owner's alone). */
export interface AdminUserView extends PublicUser {
  journeyRole: JourneyRole;
  roles: PlatformRole[];
  createdAt: string;
}

export const toAdminUserView = (user: User): AdminUserView => ({
  id: user.id,
  handle: user.handle,
  journeyRole: user.journeyRole,
  roles: user.roles,
  createdAt: user.createdAt.toISOString(),
});

export const isAdmin = (user: Pick<AuthUser, 'roles'>): boolean => user.roles.includes('admin');

/** Whether two lists hold the same platform roles; the order they were stored in carries no meaning. */
export const sameRoles = (a: readonly PlatformRole[], b: readonly PlatformRole[]): boolean =>
  a.every((role) => b.includes(role)) && b.every((role) => a.includes(role));
