import { JobSpec, QUEUES } from '@kintsugi/platform';

/** Jobs the moderation feature writes to the outbox for its own worker. */
export const ModerationJobs = {
  /**
   * Shows a new member's held post once its hold has passed, if screening
   * finds nothing in it and no moderator has decided. One per review item
   * (a post held again after a moderator's decision gets a new item, and a
   * new job); the job re-reads everything and does nothing if the world moved.
   */
  releaseHeldPost: (itemId: string, runAt: Date): JobSpec<{ itemId: string }> => ({
    queue: QUEUES.moderation,
    name: 'release-held-post',
    jobId: `release-held-post-${itemId}`,
    data: { itemId },
    runAt,
  }),
};
