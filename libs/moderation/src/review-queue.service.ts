import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { ModerationErrors } from './moderation.errors';
import { ReviewItem, ReviewStatus } from './review-item.entity';
import { ReviewItemsService } from './review-items.service';
import { ReviewItemView, ReviewItemViews } from './review-item.view';

const QUEUE_LIMIT = 100;
/** A claim keeps other moderators off an item this long; then anyone may take it over. */
export const CLAIM_MS = 10 * 60 * 1000;

/**
 * The review queue as a moderator works it. Every read and act goes through
 * the group policy at `moderate`: a group's moderators and admins only, so a
 * moderator of one group sees and touches nothing of another.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: ReviewItemsService,
    private readonly views: ReviewItemViews,
    private readonly access: GroupAccessService,
    private readonly clock: Clock,
  ) {}

  async list(
    user: AuthUser,
    query: { status?: ReviewStatus; groupId?: string },
  ): Promise<ReviewItemView[]> {
    const groupIds = await this.scope(user, query.groupId);
    return this.views.many(await this.items.list(query.status ?? 'open', groupIds, QUEUE_LIMIT));
  }

  async get(user: AuthUser, itemId: string): Promise<ReviewItemView> {
    return this.views.one(await this.reachable(user, itemId));
  }

  /** Takes an item so that others know it is being handled; one's own claim may be renewed. */
  async claim(user: AuthUser, itemId: string): Promise<ReviewItemView> {
    const item = await this.reachable(user, itemId);
    if (item.authorId === user.id) throw ModerationErrors.ownMessage();
    const now = this.clock.now();
    const claimed = await this.db.manager
      .createQueryBuilder()
      .update(ReviewItem)
      .set({ claimedBy: user.id, claimedAt: now })
      .where('id = :id AND status = :open', { id: item.id, open: 'open' })
      .andWhere('(claimed_by IS NULL OR claimed_by = :me OR claimed_at <= :lapsed)', {
        me: user.id,
        lapsed: new Date(now.getTime() - CLAIM_MS),
      })
      .returning('id')
      .execute();
    if (!claimed.affected) {
      const current = await this.items.find(item.id);
      throw current?.status === 'resolved'
        ? ModerationErrors.alreadyResolved()
        : ModerationErrors.alreadyClaimed();
    }
    return this.views.one((await this.items.find(item.id))!);
  }

  /** The groups whose items the caller may see (null: all, for admins). */
  async scope(user: AuthUser, groupId?: string): Promise<string[] | null> {
    if (groupId) {
      await this.access.require(user, groupId, 'moderate');
      return [groupId];
    }
    const moderated = await this.access.moderatedGroupIds(user);
    if (moderated !== null && moderated.length === 0) throw ModerationErrors.notModerator();
    return moderated;
  }

  private async reachable(user: AuthUser, itemId: string): Promise<ReviewItem> {
    const item = await this.items.find(itemId);
    if (!item) throw ModerationErrors.itemNotFound();
    await this.access.require(user, item.groupId, 'moderate');
    return item;
  }
}
