import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService, SanctionsService } from '@kintsugi/groups';
import { MessagesService } from '@kintsugi/chat';
import { Delivery, NotificationsService } from '@kintsugi/notifications';
import { AuditEntry } from './audit-entry.entity';
import { ModerationErrors } from './moderation.errors';
import { noticeText } from './moderation-notices';
import type { ResolveItemDto } from './moderation.dto';
import { ReviewItem } from './review-item.entity';
import { ReviewItemsService } from './review-items.service';
import { ReviewItemView, ReviewItemViews } from './review-item.view';
import { ScreeningExamplesService } from './screening-examples.service';

/** What a resolution must announce once it has committed. */
interface AfterCommit {
  messageChanged: boolean;
  banned: boolean;
  delivery: Delivery | null;
}

/**
 * A moderator's decision on an item, in one transaction with its audit
 * entry: the message, the sanction, the notice to the author and the trail
 * commit together or not at all; sockets hear of it after commit.
 * - approve: the message is visible again;
 * - remove: it is removed for everyone, the author told why;
 * - warn: the author is told which rule applied;
 * - mute: the author cannot post in the group for `durationMinutes`;
 * - ban: the author leaves the group for good.
 * warn, mute and ban act on the author and leave the message as it is (a
 * hidden message stays hidden, and a new member's held post stays held:
 * only approve shows either). A message the group never saw (withheld) is
 * announced to its author alone, whatever the action.
 */
@Injectable()
export class ResolutionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: ReviewItemsService,
    private readonly views: ReviewItemViews,
    private readonly access: GroupAccessService,
    private readonly messages: MessagesService,
    private readonly sanctions: SanctionsService,
    private readonly notifications: NotificationsService,
    private readonly examples: ScreeningExamplesService,
    private readonly clock: Clock,
  ) {}

  async resolve(user: AuthUser, itemId: string, input: ResolveItemDto): Promise<ReviewItemView> {
    if (input.action === 'mute' && input.durationMinutes == null)
      throw ModerationErrors.durationRequired();
    if (input.action !== 'mute' && input.durationMinutes != null)
      throw ModerationErrors.durationOnlyForMute();
    const found = await this.items.find(itemId);
    if (!found) throw ModerationErrors.itemNotFound();
    await this.access.require(user, found.groupId, 'moderate');
    if (found.authorId === user.id) throw ModerationErrors.ownMessage();

    const { item, after } = await this.db.transaction(async (tx) => {
      const locked = (await this.items.find(itemId, tx, true))!;
      if (locked.status === 'resolved') throw ModerationErrors.alreadyResolved();
      const now = this.clock.now();
      const note = input.note?.trim() || null;
      Object.assign(locked, {
        status: 'resolved',
        resolutionAction: input.action,
        resolutionNote: note,
        resolvedBy: user.id,
        resolvedAt: now,
      });
      await tx.save(ReviewItem, locked);
      const after = await this.apply(tx, locked, user, now, input.durationMinutes ?? undefined);
      await tx.insert(AuditEntry, {
        actorId: user.id,
        action: input.action,
        targetUserId: locked.authorId,
        targetMessageId: locked.messageId,
        groupId: locked.groupId,
        note,
        createdAt: now,
      });
      return { item: locked, after };
    });

    if (after.messageChanged) await this.messages.announce(item.messageId);
    if (after.banned) this.sanctions.announceBan(item.groupId, item.authorId);
    after.delivery?.push();
    return this.views.one(item);
  }

  private async apply(
    tx: EntityManager,
    item: ReviewItem,
    actor: AuthUser,
    now: Date,
    minutes?: number,
  ): Promise<AfterCommit> {
    const after: AfterCommit = { messageChanged: false, banned: false, delivery: null };
    const message = await this.messages.forScreening(item.messageId, tx);
    await this.examples.learnFrom(tx, item, message);
    const action = item.resolutionAction!;
    if (action === 'approve') {
      // A held post (pending) is shown to the group for the first time, as a hidden one is again.
      if (message?.status === 'hidden' || message?.status === 'pending') {
        await this.messages.setStatus(tx, item.messageId, 'visible');
        after.messageChanged = true;
      }
      return after;
    }
    if (action === 'remove' && message && message.status !== 'removed') {
      await this.messages.setStatus(tx, item.messageId, 'removed', 'review');
      after.messageChanged = true;
    }
    if (action === 'mute')
      await this.sanctions.mute(tx, {
        groupId: item.groupId,
        userId: item.authorId,
        until: new Date(now.getTime() + minutes! * 60_000),
        by: actor.id,
      });
    if (action === 'ban') {
      await this.sanctions.ban(tx, { groupId: item.groupId, userId: item.authorId, by: actor.id });
      after.banned = true;
    }
    after.delivery = await this.notifications.notify(tx, {
      userId: item.authorId,
      kind: 'moderation_notice',
      payload: {
        groupId: item.groupId,
        messageId: item.messageId,
        action,
        note: item.resolutionNote,
        text: noticeText(action, item.reasons, { minutes }),
      },
      dedupeKey: `moderation:${item.id}:${action}`,
    });
    return after;
  }
}
