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
};
