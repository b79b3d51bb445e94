import { DomainError, Errors } from '@kintsugi/platform';

export const CheckInErrors = {
  alreadyToday: () =>
    new DomainError(
      'ALREADY_CHECKED_IN',
      409,
      'You have already checked in today. Delete today’s check-in to record it again.',
    ),
  /** Another member's check-in reads exactly like a missing one: ids must not tell what exists. */
  notFound: () => Errors.notFound('That check-in'),
  badRange: (field: 'from' | 'to', problem: string) =>
    Errors.validation([{ field, problem }], 'Pick a range of days with from before to.'),
};
