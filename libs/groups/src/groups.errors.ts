import { DomainError, Errors } from '@kintsugi/platform';
import type { JourneyRole } from '@kintsugi/identity';

export const GroupErrors = {
  notFound: () => Errors.notFound('That group'),
  audienceMismatch: (audience: JourneyRole) =>
    new DomainError('AUDIENCE_MISMATCH', 403, `This group is for ${audience} partners.`),
  notJoined: () => Errors.forbidden('Join this group first.'),
  banned: () => new DomainError('BANNED', 403, 'You can no longer take part in this group.'),
  muted: (until: Date) =>
    new DomainError(
      'MUTED',
      403,
      `You are paused from posting in this group until ${until.toISOString()}.`,
    ),
  full: () => new DomainError('GROUP_FULL', 409, 'This group is full.'),
  notAMember: () =>
    new DomainError('NOT_A_MEMBER', 409, 'That person is not a member of this group.'),
  capacityBelowMembers: (memberCount: number) =>
    Errors.validation([
      {
        field: 'capacity',
        problem: `must not be below the group's ${memberCount} current members`,
      },
    ]),
  notModerator: () => Errors.forbidden('Only this group’s moderators can do that.'),
};
