import { DomainError, Errors } from '@kintsugi/platform';

export const ModerationErrors = {
  itemNotFound: () => Errors.notFound('That review item'),
  messageNotFound: () => Errors.notFound('That message'),
  alreadyFlagged: () =>
    new DomainError('ALREADY_FLAGGED', 409, 'You have already flagged this message. Thank you.'),
  alreadyClaimed: () =>
    new DomainError('ALREADY_CLAIMED', 409, 'Another moderator is already looking at this item.'),
  alreadyResolved: () =>
    new DomainError('ALREADY_RESOLVED', 409, 'This item has already been resolved.'),
  ownMessage: () =>
    Errors.forbidden('Another moderator needs to review this item: it is about your own message.'),
  notModerator: () => Errors.forbidden('Only moderators and admins can see the review queue.'),
  durationOnlyForMute: () =>
    Errors.validation([{ field: 'durationMinutes', problem: 'is only for the mute action' }]),
  durationRequired: () =>
    Errors.validation([
      { field: 'durationMinutes', problem: 'is required for mute: a whole number from 1 to 43200' },
    ]),
};
