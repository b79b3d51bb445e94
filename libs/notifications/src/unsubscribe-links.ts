import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Env } from '@kintsugi/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed one-click unsubscribe links: the token is the member's id and an
 * HMAC of it, so the link works without signing in and cannot be forged
 * for someone else. The key is derived from JWT_SECRET for this one purpose.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;
  private readonly base: string;

  constructor(env: Env) {
    this.key = createHmac('sha256', env.JWT_SECRET as string)
      .update('kintsugi-email-unsubscribe-v1')
      .digest();
    this.base = env.PUBLIC_URL.replace(/\/+$/, '');
  }

  url(userId: string): string {
    return `${this.base}/api/notifications/unsubscribe?token=${this.tokenFor(userId)}`;
  }

  get appUrl(): string {
    return this.base;
  }

  tokenFor(userId: string): string {
    return `${userId}.${this.sign(userId)}`;
  }

  /** The member the token was made for, or null when it is malformed or forged. */
  userIdFrom(token: string): string | null {
    const [userId, signature, ...rest] = token.split('.');
    if (rest.length > 0 || !UUID.test(userId ?? '') || !signature) return null;
    const expected = Buffer.from(this.sign(userId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  private sign(userId: string): string {
    return createHmac('sha256', this.key).update(userId.toLowerCase()).digest('base64url');
  }
}
