import type { Env, JobSpec } from '@kintsugi/platform';
import { QUEUES } from '@kintsugi/platform';

export interface SessionStartData {
  sessionId: string;
  startsAt: string;
}
export interface SessionEndData {
  sessionId: string;
  endsAt: string;
}
export interface ReminderData {
  sessionId: string;
  startsAt: string;
  offset: string;
}

type Offset = Env['reminderOffsets'][number];
interface Timed {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Job ids are deterministic and carry the time they are for: re-adding the
 * same job (reconciler, a second worker) is a no-op, and a moved session's
 * jobs get new ids while the old ones find the time changed and do nothing.
 */
export const SessionJobs = {
  start: (s: Timed): JobSpec<SessionStartData> => ({
    queue: QUEUES.sessions,
    name: 'session-start',
    jobId: `session-start-${s.id}-${s.startsAt.getTime()}`,
    data: { sessionId: s.id, startsAt: s.startsAt.toISOString() },
    runAt: s.startsAt,
  }),
  end: (s: Timed): JobSpec<SessionEndData> => ({
    queue: QUEUES.sessions,
    name: 'session-end',
    jobId: `session-end-${s.id}-${s.endsAt.getTime()}`,
    data: { sessionId: s.id, endsAt: s.endsAt.toISOString() },
    runAt: s.endsAt,
  }),
  reminder: (s: Timed, offset: Offset): JobSpec<ReminderData> => ({
    queue: QUEUES.reminders,
    name: 'reminder-due',
    jobId: `reminder-${s.id}-${offset.text}-${s.startsAt.getTime()}`,
    data: { sessionId: s.id, startsAt: s.startsAt.toISOString(), offset: offset.text },
    runAt: new Date(s.startsAt.getTime() - offset.ms),
  }),
};

/** Reminders for the offsets still ahead when the start time was set; the ones already due are skipped. */
export function reminderJobs(s: Timed, offsets: Offset[], remindersFrom: Date): JobSpec[] {
  return offsets
    .map((offset) => SessionJobs.reminder(s, offset))
    .filter((job) => (job.runAt as Date).getTime() >= remindersFrom.getTime());
}

export function allJobs(s: Timed, offsets: Offset[], remindersFrom: Date): JobSpec[] {
  return [SessionJobs.start(s), SessionJobs.end(s), ...reminderJobs(s, offsets, remindersFrom)];
}
