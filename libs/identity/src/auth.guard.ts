import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Errors, PUBLIC_ROUTE } from '@kintsugi/platform';
import { AccessTokensService } from './access-tokens.service';
import { REQUIRED_ROLES } from './auth.decorators';
import type { PlatformRole } from './user.entity';
import type { AuthUser } from './user.view';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    // The scheme is case-insensitive (RFC 9110); anything but one bearer token is no token.
    const [scheme, token, ...rest] = (request.headers.authorization ?? '').split(' ');
    const bearer = scheme?.toLowerCase() === 'bearer' && rest.length === 0 ? token : undefined;
    const user = await this.tokens.authenticate(bearer);
    request.user = user;

    const roles = this.reflector.getAllAndOverride<PlatformRole[]>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => user.roles.includes(role))) {
      throw Errors.forbidden('This needs a role you do not have.');
    }
    return true;
  }
}
