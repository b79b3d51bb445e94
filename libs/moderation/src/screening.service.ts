import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env, OutboxService } from '@kintsugi/platform';
import { type MessageForScreening, MessagesService } from '@kintsugi/chat';
import { NotificationsService } from '@kintsugi/notifications';
import { CrisisResources } from './crisis-resources';
import { ModerationAlerts } from './moderation-alerts.service';
import { ModerationJobs } from './moderation.jobs';
import { findingsFromVerdict, hasCrisis, NEW_MEMBER_FINDINGS } from './review-reasons';
import { MessageScreener } from './message-screener';
import { ReviewItemsService } from './review-items.service';

/** What a screening looked at: the text as it was read, whatever was found in it. */
export interface Screened {
  body: string;
}

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
    private readonly outbox: OutboxService,
    private readonly env: Env,
  ) {}

  /**
   * Screens the message as it is now (an edit has its own job; a removed or
   * vanished message needs nothing). Everything it writes is keyed — one
   * open item per message, reasons joined once, the crisis notification's
   * dedupe key — so running it twice, or in two workers at once, leaves what
   * running it once does. `redelivered` says an earlier run may have
   * committed and then died before alerting: the alert goes out again rather
   * than not at all.
   *
   * A new member's held post (pending) first gets its review item and the
   * delayed job that shows it when its hold has passed, before the screeners
   * run, so that a screener failing for good still leaves it in front of a
   * moderator. Findings join that item; personal details hide it (status
   * hidden), and it stays withheld from the group either way.
   */
  async screen(messageId: string, redelivered = false): Promise<Screened | null> {
    return this.screenRead(await this.messages.forScreening(messageId), redelivered);
  }

  /** `screen` for a commit batch's messages, read in one query, screened in order. */
  async screenAll(messageIds: string[], redelivered = false): Promise<void> {
    const read = await this.messages.forScreeningAll(messageIds);
    for (const id of messageIds) await this.screenRead(read.get(id) ?? null, redelivered);
  }

  private async screenRead(
    message: MessageForScreening | null,
    redelivered: boolean,
  ): Promise<Screened | null> {
    if (!message || message.status === 'removed') return null;
    const messageId = message.id;
    if (message.status === 'pending') await this.holdForReview(message);
    const verdict = await this.screener.screen(message.body);
    const findings = findingsFromVerdict(verdict);
    if (!findings) return { body: message.body };

    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.messages.forScreening(messageId, tx);
      if (!current || current.status === 'removed' || current.body !== message.body) return null;
      const hide = verdict.hide && (current.status === 'visible' || current.status === 'pending');
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
    if (!outcome) return { body: message.body };

    if (outcome.hide) await this.messages.announce(messageId);
    outcome.delivery?.push();
    if (outcome.item.priority === 'urgent' && (outcome.item.changed || redelivered))
      await this.alerts.urgent(outcome.item.id);
    return { body: message.body };
  }

  /**
   * Opens (or joins) the held post's review item at normal priority and, in
   * the same transaction, schedules its release for NEW_MEMBER_HOLD after
   * the post was sent (at once if that has passed). Keyed like every
   * screening effect: a second run finds the reason there and adds nothing.
   */
  private async holdForReview(message: MessageForScreening): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.messages.forScreening(message.id, tx);
      if (current?.status !== 'pending') return;
      const item = await this.items.addFindings(tx, current, NEW_MEMBER_FINDINGS);
      if (!item.changed) return;
      const releaseAt = new Date(current.createdAt.getTime() + this.env.newMemberHoldMs);
      await this.outbox.add(tx, ModerationJobs.releaseHeldPost(item.id, releaseAt));
    });
  }
}
