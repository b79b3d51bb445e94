import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Env, RateLimiter } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { MessagesService } from '@kintsugi/chat';
import { NotificationsService } from '@kintsugi/notifications';
import { CrisisResources } from './crisis-resources';
import type { FlagMessageDto, FlagView } from './flags.dto';
import { MessageFlag } from './message-flag.entity';
import { ModerationAlerts } from './moderation-alerts.service';
import { ModerationErrors } from './moderation.errors';
import { findingsFromFlag } from './review-reasons';
import { ReviewItemsService } from './review-items.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Members flag messages. Each flag joins the message's one open review item
 * as a member reason; MOD_AUTOHIDE_FLAGS different members hide it until a
 * moderator reviews it. A crisis flag is treated like a screened crisis:
 * urgent, moderators alerted, and the author privately offered support.
 */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: GroupAccessService,
    private readonly messages: MessagesService,
    private readonly items: ReviewItemsService,
    private readonly notifications: NotificationsService,
    private readonly alerts: ModerationAlerts,
    private readonly crisisResources: CrisisResources,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  async flag(user: AuthUser, messageId: string, input: FlagMessageDto): Promise<FlagView> {
    const message = UUID.test(messageId) ? await this.messages.forScreening(messageId) : null;
    if (!message) throw ModerationErrors.messageNotFound();
    await this.access.require(user, message.groupId, 'member');
    // A new member's held post is absent for everyone but its author, as in history.
    if (message.status === 'removed' || (message.withheld && message.authorId !== user.id))
      throw ModerationErrors.messageNotFound();
    const ticket = await this.limiter.consume('flag', user.id, this.env.rateLimit('FLAG'));

    const outcome = await this.db
      .transaction(async (tx) => {
        const flag = await this.insertFlag(tx, user.id, messageId, input);
        const findings = findingsFromFlag(input.reason);
        const item = await this.items.addFindings(tx, message, findings);
        // Counted after joining the item: that statement waits for a concurrent
        // flag's commit, so the last of several simultaneous flags sees them all.
        const hide =
          (await this.items.flagsSinceReview(tx, messageId)) >= this.env.MOD_AUTOHIDE_FLAGS &&
          (await this.messages.forScreening(messageId, tx))?.status === 'visible';
        if (hide) await this.messages.setStatus(tx, messageId, 'hidden', 'flags');
        const delivery =
          input.reason === 'crisis'
            ? await this.notifications.notify(tx, {
                userId: message.authorId,
                kind: 'crisis_resources',
                payload: { messageId, resources: [...this.crisisResources.list] },
                dedupeKey: `crisis:${messageId}`,
              })
            : null;
        return { flag, item, hide, delivery };
      })
      .catch(async (error: unknown) => {
        await this.limiter.release(ticket);
        throw error;
      });

    if (outcome.hide) await this.messages.announce(messageId);
    outcome.delivery?.push();
    if (outcome.item.priority === 'urgent' && outcome.item.changed)
      await this.alerts.urgent(outcome.item.id);
    return outcome.flag;
  }

  private async insertFlag(
    tx: EntityManager,
    userId: string,
    messageId: string,
    input: FlagMessageDto,
  ): Promise<FlagView> {
    const [row]: { id: string; created_at: Date }[] = await tx.query(
      `INSERT INTO message_flags (message_id, user_id, reason, note, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id, user_id) DO NOTHING RETURNING id, created_at`,
      [messageId, userId, input.reason, input.note || null, this.clock.now()],
    );
    if (!row) throw ModerationErrors.alreadyFlagged();
    return {
      id: row.id,
      messageId,
      reason: input.reason,
      note: input.note || null,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** A member's own flags, for their data export. */
  async exportOwn(userId: string, tx: EntityManager): Promise<FlagView[]> {
    const rows = await tx.find(MessageFlag, { where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((f) => ({
      id: f.id,
      messageId: f.messageId,
      reason: f.reason,
      note: f.note,
      createdAt: f.createdAt.toISOString(),
    }));
  }

  /** Erasure: a flag's note is the member's free text; the flag itself stays for the review trail. */
  async eraseNotes(userId: string, tx: EntityManager): Promise<void> {
    await tx.update(MessageFlag, { userId }, { note: null });
  }
}
