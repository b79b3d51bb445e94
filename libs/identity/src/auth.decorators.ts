import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { PlatformRole } from './user.entity';
import type { AuthUser } from './user.view';

export { Public, PUBLIC_ROUTE } from '@kintsugi/platform';

export const REQUIRED_ROLES = 'kintsugi:roles';

/** Limits a route to callers holding one of these platform roles. */
export const Roles = (...roles: PlatformRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller, as AuthGuard read it from the database. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user,
);
