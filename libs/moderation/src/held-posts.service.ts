import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagesService } from '@kintsugi/chat';
import { onlyNewMember } from './review-reasons';
import { ReviewItemsService } from './review-items.service';
import { ScreeningService } from './screening.service';

/** An edit that lands between screening and showing sends the release round again, this often. */
const ROUNDS = 3;

const SHOWN_NOTE =
  'Shown automatically: its hold passed, screening found nothing in it, and no moderator had decided.';

/**
 * The end of a new member's hold (the `release-held-post` job, due
 * NEW_MEMBER_HOLD after the post was sent). It re-reads everything and
 * shows the post only if all of these still hold:
 * - its review item is open (no moderator has decided) and holds nothing
 *   but the new-member reason (no screening finding, no flag);
 * - the post is still pending (not removed, not hidden by screening);
 * - screening passes its text as it is now: the job screens it again here,
 *   with screening's usual effects, so a worker that has not yet run the
 *   message's own screening job cannot let an unscreened text through.
 * Shown, it reaches the group as `message:updated` and the item is resolved
 * as `approve` with no actor. Running twice changes nothing.
 */
@Injectable()
export class HeldPostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly items: ReviewItemsService,
    private readonly messages: MessagesService,
    private readonly screening: ScreeningService,
  ) {}

  async release(itemId: string): Promise<void> {
    for (let round = 0; round < ROUNDS; round++) {
      const item = await this.items.find(itemId);
      if (!item || item.status !== 'open' || !onlyNewMember(item.reasons)) return;
      const message = await this.messages.forScreening(item.messageId);
      if (message?.status !== 'pending') return;
      const screened = await this.screening.screen(item.messageId);
      if (!screened) return;
      const outcome = await this.showIfStillHeld(itemId, screened.body);
      if (outcome === 'shown') await this.messages.announce(item.messageId);
      if (outcome !== 'edited') return;
    }
    // Thrown so that BullMQ tries again later, rather than leave the post held for nobody.
    throw new Error('A held post kept changing while it was being released');
  }

  /** One transaction: the item locked first, as a moderator's resolution locks it. */
  private showIfStillHeld(
    itemId: string,
    screenedBody: string,
  ): Promise<'shown' | 'edited' | 'kept'> {
    return this.db.transaction(async (tx) => {
      const item = await this.items.find(itemId, tx, true);
      if (!item || item.status !== 'open' || !onlyNewMember(item.reasons)) return 'kept';
      const shown = await this.messages.showHeld(tx, item.groupId, item.messageId, screenedBody);
      if (shown === 'edited') return 'edited';
      if (shown === 'not_pending') return 'kept';
      await this.items.resolveWithoutModerator(tx, item.id, 'approve', SHOWN_NOTE);
      return 'shown';
    });
  }
}
