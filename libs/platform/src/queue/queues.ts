/** Every BullMQ queue of the platform, declared in one place. */
export const QUEUES = {
  moderation: 'moderation',
  sessions: 'sessions',
  reminders: 'reminders',
  email: 'email',
  checkins: 'checkins',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * A job as a feature describes it: deterministic id (no `:`), payload of ids
 * only, and optionally the moment it is due.
 */
export interface JobSpec<TData extends object = object> {
  queue: QueueName;
  name: string;
  jobId: string;
  data: TData;
  runAt?: Date;
}
