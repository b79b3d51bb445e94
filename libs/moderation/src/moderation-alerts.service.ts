import { Injectable } from '@nestjs/common';
import { RealtimeEmitter } from '@kintsugi/platform';
import { GroupAccessService } from '@kintsugi/groups';
import { ReviewItemsService } from './review-items.service';
import { ReviewItemViews } from './review-item.view';

/**
 * `moderation:alert` for urgent items, to the personal room of each of the
 * group's moderators and of every admin: whoever is online gets it within
 * moments, on whichever API process holds their socket; nobody else ever does.
 */
@Injectable()
export class ModerationAlerts {
  constructor(
    private readonly items: ReviewItemsService,
    private readonly views: ReviewItemViews,
    private readonly access: GroupAccessService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async urgent(itemId: string): Promise<void> {
    const item = await this.items.find(itemId);
    if (!item || item.status !== 'open') return;
    const view = await this.views.one(item);
    for (const userId of await this.access.moderatorAndAdminIds(item.groupId))
      this.realtime.toUser(userId, 'moderation:alert', { item: view });
  }
}
