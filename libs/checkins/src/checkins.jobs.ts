import { JobSpec, QUEUES } from '@kintsugi/platform';

/**
 * Jobs check-ins write to the outbox. The payload is the check-in's id only: the note never
 * enters Redis, the outbox or the queue dashboard, and the processor re-reads it (a check-in
 * deleted meanwhile is simply not screened).
 */
export const CheckInJobs = {
  screen: (checkInId: string): JobSpec<{ checkInId: string }> => ({
    queue: QUEUES.checkins,
    name: 'screen-checkin',
    jobId: `checkin-screen-${checkInId}`,
    data: { checkInId },
  }),
};
