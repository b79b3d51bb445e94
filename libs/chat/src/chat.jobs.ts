import { JobSpec, QUEUES } from '@kintsugi/platform';

/** Jobs the chat writes to the outbox; the moderation worker consumes them. */
export const ChatJobs = {
  /**
   * Screen one version of a message: `version` is 0 for the message as sent
   * and the change_seq of an edit, so each edit is screened once.
   */
  screen: (messageId: string, version: string | number): JobSpec<{ messageId: string }> => ({
    queue: QUEUES.moderation,
    name: 'screen-message',
    jobId: `screen-${messageId}-${version}`,
    data: { messageId },
  }),
  /**
   * Screen the messages one commit batch created, as they were sent: one job for the batch, so a
   * busy chat costs the queue one job per batch rather than one per message. The batch's first
   * id is new with that batch, so the job id is as deterministic as the single form's. Joinable:
   * the relay sends the batches waiting at once as one job.
   */
  screenSent: (messageIds: string[]): JobSpec<{ messageIds: string[] }> => ({
    queue: QUEUES.moderation,
    name: 'screen-messages',
    jobId: `screen-batch-${messageIds[0]}`,
    data: { messageIds },
    joinable: true,
  }),
};
