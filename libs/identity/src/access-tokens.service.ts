import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Errors } from '@kintsugi/platform';
import { User } from './user.entity';
import { type AuthUser, sameRoles } from './user.view';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

interface AccessClaims {
  sub: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Short-lived JWTs that carry only the member's id. Roles, journey role and
 * erasure are read from the database on every use, so a change acts at once
 * on tokens already issued.
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  issue(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId } satisfies AccessClaims, {
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    });
  }

  /** Verifies a bearer token and returns who it belongs to now; UNAUTHENTICATED otherwise. */
  async authenticate(token: string | undefined | null): Promise<AuthUser> {
    if (!token) throw Errors.unauthenticated('Please sign in.');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw Errors.unauthenticated(
        'Your sign-in has expired or is not valid. Please sign in again.',
      );
    }
    // Only this server signs, but a token signed with a leaked or reused secret must not reach SQL as anything but an id.
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw Errors.unauthenticated();
    const user = await this.users.findOne({
      where: { id: claims.sub },
      select: { id: true, handle: true, journeyRole: true, roles: true, erasedAt: true },
    });
    if (!user || user.erasedAt) throw Errors.unauthenticated('Please sign in again.');
    return { id: user.id, handle: user.handle, journeyRole: user.journeyRole, roles: user.roles };
  }

  /**
   * Whether a member authenticated earlier is still there, in the same
   * audience and with the same platform roles. Open sockets learn of an
   * erasure, an audience move or a change of roles by a drop sent to every API
   * process, which reaches only sockets already connected: a socket whose
   * handshake read the member just before the change connects after the drop
   * went by, so the gateway asks this once it is connected.
   */
  async unchangedSince(user: AuthUser): Promise<boolean> {
    const now = await this.users.findOne({
      where: { id: user.id },
      select: { id: true, journeyRole: true, roles: true, erasedAt: true },
    });
    return (
      !!now &&
      !now.erasedAt &&
      now.journeyRole === user.journeyRole &&
      sameRoles(now.roles, user.roles)
    );
  }
}
