import { Processor, WorkerHost } from '@nestjs/bullmq';
import { IsUUID } from 'class-validator';
import { Job, UnrecoverableError } from 'bullmq';
import { QUEUES, validateInput } from '@kintsugi/platform';
import { UsersService } from '@kintsugi/identity';
import { renderEmail } from './email.templates';
import { Mailer } from './mailer.service';
import { isEmailed, NotificationContent } from './notification.kinds';
import { NotificationsService } from './notifications.service';
import { UnsubscribeLinks } from './unsubscribe-links';

class NotificationEmailJob {
  @IsUUID()
  notificationId: string;
}

/**
 * Sends a notification's e-mail, once however often its job runs (emailed_at).
 * Address and preferences are read now, not when the job was queued: a member
 * who unsubscribed or erased their account meanwhile gets nothing. A send
 * failure throws, so BullMQ retries.
 */
@Processor(QUEUES.email, { concurrency: 4 })
export class EmailProcessor extends WorkerHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    private readonly links: UnsubscribeLinks,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    const { notificationId } = await validateInput(NotificationEmailJob, job.data, 'job').catch(
      () => {
        throw new UnrecoverableError('Malformed e-mail job data');
      },
    );
    const notification = await this.notifications.findOne(notificationId);
    if (!notification || notification.emailedAt) return;
    const content = {
      kind: notification.kind,
      payload: notification.payload,
    } as NotificationContent;
    if (!isEmailed(content)) return;
    const [contact] = await this.users.contacts([notification.userId]);
    const to = contact?.email;
    if (!to || !contact.emailReminders) return;
    const unsubscribeUrl = this.links.url(contact.id);
    await this.notifications.emailOnce(notification.id, () =>
      this.mailer.send({
        to,
        unsubscribeUrl,
        reference: notification.id,
        ...renderEmail(content, {
          timezone: contact.timezone,
          appUrl: this.links.appUrl,
          unsubscribeUrl,
        }),
      }),
    );
  }
}
