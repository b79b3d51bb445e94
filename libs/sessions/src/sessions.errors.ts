import { Errors } from '@kintsugi/platform';
import type { SessionStatus } from './session.entity';

export const SessionErrors = {
  notFound: () => Errors.notFound('That session'),
  notInFuture: (field: string) =>
    Errors.validation([{ field, problem: 'must be in the future' }], 'Pick a time in the future.'),
  closed: (status: SessionStatus) =>
    Errors.validation(
      [{ field: 'status', problem: `the session is ${status}` }],
      `This session is ${status} and can no longer be changed.`,
    ),
  topicOfOtherAudience: () =>
    Errors.validation([{ field: 'topicSlug', problem: 'is not a topic for this group' }]),
  badRange: (problem: string) => Errors.validation([{ field: 'to', problem }]),
};
