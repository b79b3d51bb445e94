import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagesService } from '@kintsugi/chat';
import { NotificationsService } from '@kintsugi/notifications';
import { CrisisResources } from './crisis-resources';
import { ModerationAlerts } from './moderation-alerts.service';
import { findingsFromVerdict, hasCrisis } from './review-reasons';
import { MessageScreener } from './message-screener';
import { ReviewItemsService } from './review-items.service';

/** The screening job's effects as the group and the author must see them (DESIGN.md, Moderation pipeline). */
@Injectable()
export class ScreeningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesService,
    private readonly items: ReviewItemsService,
    private readonly notifications: NotificationsService,
    private readonly alerts: ModerationAlerts,
    private readonly crisisResources: CrisisResources,
    private readonly screener: MessageScreener,
  ) {}

  /**
   * Screens the message as it is now (an edit has its own job; a removed or
   * vanished message needs nothing). Everything it writes is keyed — one
   * open item per message, reasons joined once, the crisis notification's
   * dedupe key — so running it twice, or in two workers at once, leaves what
   * running it once does. `redelivered` says an earlier run may have
   * committed and then died before alerting: the alert goes out again rather
   * than not at all.
   */
  async screen(messageId: string, redelivered = false): Promise<void> {
    const message = await this.messages.forScreening(messageId);
    if (!message || message.status === 'removed') return;
    const verdict = await this.screener.screen(message.body);
    const findings = findingsFromVerdict(verdict);
    if (!findings) return;

    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.messages.forScreening(messageId, tx);
      if (!current || current.status === 'removed' || current.body !== message.body) return null;
      const hide = verdict.hide && current.status === 'visible';
      if (hide) await this.messages.setStatus(tx, messageId, 'hidden', 'personal_details');
      const item = await this.items.addFindings(tx, current, findings);
      const delivery = hasCrisis(findings.reasons)
        ? await this.notifications.notify(tx, {
            userId: current.authorId,
            kind: 'crisis_resources',
            payload: { messageId, resources: [...this.crisisResources.list] },
            dedupeKey: `crisis:${messageId}`,
          })
        : null;
      return { hide, item, delivery };
    });
    if (!outcome) return;

    if (outcome.hide) await this.messages.announce(messageId);
    outcome.delivery?.push();
    if (outcome.item.priority === 'urgent' && (outcome.item.changed || redelivered))
      await this.alerts.urgent(outcome.item.id);
  }
}
