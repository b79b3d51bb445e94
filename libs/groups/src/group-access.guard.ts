import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '@kintsugi/identity';
import { AccessLevel, GroupAccess, GroupAccessService } from './group-access.service';

const GROUP_ACCESS = 'kintsugi:group-access';

interface GroupAccessRule {
  level: AccessLevel;
  /** The route parameter holding the group id. */
  param: string;
}

type GuardedRequest = {
  user: AuthUser;
  params: Record<string, string>;
  groupAccess?: GroupAccess;
};

/**
 * Runs GroupAccessService.require for the group named in the route, after the
 * global AuthGuard has read the caller. `moderate` is the group-scoped
 * moderator guard: the group's moderators and admins pass, nobody else.
 */
@Injectable()
export class GroupAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: GroupAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<GroupAccessRule | undefined>(GROUP_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    request.groupAccess = await this.access.require(
      request.user,
      request.params[rule.param] ?? '',
      rule.level,
    );
    return true;
  }
}

/** Refuses the route unless the caller has `level` on the group in route parameter `param`. */
export const RequireGroupAccess = (level: AccessLevel, param = 'id') =>
  applyDecorators(
    SetMetadata(GROUP_ACCESS, { level, param } satisfies GroupAccessRule),
    UseGuards(GroupAccessGuard),
  );

/** What RequireGroupAccess found: the group, the caller's role, whether they moderate it. */
export const CurrentGroupAccess = createParamDecorator(
  (_data: unknown, context: ExecutionContext): GroupAccess | undefined =>
    context.switchToHttp().getRequest<GuardedRequest>().groupAccess,
);
