import { Controller, Get } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@kintsugi/platform';
import type { AuthUser } from '@kintsugi/identity';
import { GroupAccessGuard, RequireGroupAccess } from './group-access.guard';
import type { AccessLevel, GroupAccess, GroupAccessService } from './group-access.service';
import { GroupErrors } from './groups.errors';

@Controller('groups/:groupId/sessions')
class SampleController {
  @Get()
  @RequireGroupAccess('moderate', 'groupId')
  schedule(): void {}

  @Get('open')
  open(): void {}
}

const caller: AuthUser = {
  id: 'u1',
  handle: 'quiet-heron',
  journeyRole: 'betrayed',
  roles: ['member'],
};

function contextFor(handler: keyof SampleController, request: object): ExecutionContext {
  return {
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('GroupAccessGuard (group-scoped moderator guard)', () => {
  const granted: GroupAccess = {
    group: { id: 'g1', name: 'Circle', audience: 'betrayed', timezone: 'UTC' },
    role: 'moderator',
    canModerate: true,
    mutedUntil: null,
    newMemberReview: false,
    pseudonym: null,
  };

  it('asks the group policy for the level on the group named in the route and keeps its answer', async () => {
    const calls: [string, string, AccessLevel][] = [];
    const access = {
      require: async (user: AuthUser, groupId: string, level: AccessLevel) => {
        calls.push([user.id, groupId, level]);
        return granted;
      },
    } as unknown as GroupAccessService;
    const request: Record<string, unknown> = { user: caller, params: { groupId: 'g1' } };
    await expect(
      new GroupAccessGuard(new Reflector(), access).canActivate(contextFor('schedule', request)),
    ).resolves.toBe(true);
    expect(calls).toEqual([['u1', 'g1', 'moderate']]);
    expect(request.groupAccess).toBe(granted);
  });

  it('lets the policy’s refusal through unchanged (a plain member is FORBIDDEN)', async () => {
    const access = {
      require: async () => {
        throw GroupErrors.notModerator();
      },
    } as unknown as GroupAccessService;
    const guard = new GroupAccessGuard(new Reflector(), access);
    const refusal = guard.canActivate(
      contextFor('schedule', { user: caller, params: { groupId: 'g1' } }),
    );
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('leaves routes without the decorator alone', async () => {
    const access = {
      require: async () => {
        throw new Error('must not be asked');
      },
    } as unknown as GroupAccessService;
    await expect(
      new GroupAccessGuard(new Reflector(), access).canActivate(
        contextFor('open', { user: caller, params: {} }),
      ),
    ).resolves.toBe(true);
  });
});
