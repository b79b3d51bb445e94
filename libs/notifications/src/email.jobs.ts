import { JobSpec, QUEUES } from '@kintsugi/platform';

export interface NotificationEmailData {
  notificationId: string;
}

/** E-mail jobs carry the notification id only; the processor re-reads address and preferences. */
export const EmailJobs = {
  notificationEmail: (notificationId: string): JobSpec<NotificationEmailData> => ({
    queue: QUEUES.email,
    name: 'notification-email',
    jobId: `email-${notificationId}`,
    data: { notificationId },
  }),
};
