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
  /**
   * Jobs of one queue and name that the relay may join into one job (see
   * joinJobs): their data is one array of ids, and doing the joined job does
   * the work of each. A busy chat writes one screening job per commit; a
   * worker that ran each alone would spend more on the queue than on them.
   */
  joinable?: boolean;
}

/** How many ids a joined job carries at most (its processor validates as much). */
export const JOINED_JOB_MAX_IDS = 1000;
