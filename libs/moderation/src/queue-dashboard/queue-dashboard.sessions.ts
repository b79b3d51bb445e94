import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Errors, RedisClient } from '@kintsugi/platform';
import { AccessTokensService, AuthUser, isAdmin, UsersService } from '@kintsugi/identity';

export const DASHBOARD_PATH = '/admin/queues';
export const SESSION_COOKIE = 'kintsugi_queues';
export const SESSION_TTL_SECONDS = 15 * 60;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Who may open the queue dashboard. A browser cannot send a Bearer header
 * when it navigates, so an admin first trades their access token for a
 * short-lived dashboard session (a random token, stored hashed in Redis,
 * sent back as an HttpOnly, SameSite=Strict cookie scoped to the dashboard's
 * path). Either way the caller's roles are read fresh: an admin who loses
 * the role loses the dashboard at once.
 */
@Injectable()
export class QueueDashboardSessions {
  constructor(
    private readonly redis: RedisClient,
    private readonly tokens: AccessTokensService,
    private readonly users: UsersService,
  ) {}

  async open(admin: AuthUser): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(token), admin.id, 'EX', SESSION_TTL_SECONDS);
    return { token, expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000) };
  }

  /** The admin behind a dashboard request; UNAUTHENTICATED or FORBIDDEN otherwise. */
  async admin(req: Request): Promise<AuthUser> {
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    const user =
      scheme === 'Bearer' ? await this.tokens.authenticate(bearer) : await this.fromCookie(req);
    if (!isAdmin(user)) throw Errors.forbidden('The queue dashboard is for admins.');
    return user;
  }

  private async fromCookie(req: Request): Promise<AuthUser> {
    const token = cookie(req, SESSION_COOKIE);
    const userId = token ? await this.redis.get(this.key(token)) : null;
    const user = userId ? await this.users.findActive(userId) : null;
    if (!user) throw Errors.unauthenticated('Open the queue dashboard from an admin session.');
    return user;
  }

  private key(token: string): string {
    return this.redis.key('queue-dashboard', hash(token));
  }
}
