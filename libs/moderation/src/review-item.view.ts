import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessagesService, type MessageView } from '@kintsugi/chat';
import type { PublicUser } from '@kintsugi/identity';
import { appearanceKey, PseudonymsService, publicPart } from '@kintsugi/groups';
import type { ReviewItem, ReviewStatus } from './review-item.entity';
import type { ResolutionAction, ReviewPriority, ReviewReason } from './review-reasons';

const CONTEXT_MESSAGES = 5;

/** API.md's ReviewItem. */
export interface ReviewItemView {
  id: string;
  /** The full body, whatever the message's status: moderators review what was written. */
  message: MessageView;
  group: { id: string; name: string };
  /** null once the author erased their account. */
  author: PublicUser | null;
  reasons: ReviewReason[];
  priority: ReviewPriority;
  status: ReviewStatus;
  createdAt: string;
  claimedBy: PublicUser | null;
  /** Up to 5 messages before it, oldest first, as the group's moderators see them. */
  context: MessageView[];
  resolution: {
    action: ResolutionAction;
    note: string | null;
    actor: PublicUser | null;
    at: string;
  } | null;
}

/**
 * Builds ReviewItem views on purpose from the item, the chat's review read and
 * how each person appears in the item's group (a moderator under a pseudonym
 * there is shown by it, as the author is on the message).
 */
@Injectable()
export class ReviewItemViews {
  constructor(
    private readonly messages: MessagesService,
    private readonly pseudonyms: PseudonymsService,
  ) {}

  async one(item: ReviewItem, tx?: EntityManager): Promise<ReviewItemView> {
    const [view] = await this.many([item], tx);
    return view;
  }

  async many(items: ReviewItem[], tx?: EntityManager): Promise<ReviewItemView[]> {
    const people = await this.pseudonyms.appearances(
      items.flatMap((i) =>
        [i.claimedBy, i.resolvedBy].flatMap((userId) =>
          userId ? [{ groupId: i.groupId, userId }] : [],
        ),
      ),
      tx,
    );
    const personIn = (groupId: string, id: string | null) => {
      const shown = id ? people.get(appearanceKey(groupId, id)) : undefined;
      return shown ? publicPart(shown) : null;
    };
    return Promise.all(
      items.map(async (item) => {
        const review = await this.messages.forReview(item.messageId, tx);
        const context = await this.messages.context(
          item.groupId,
          review.message.seq,
          CONTEXT_MESSAGES,
          tx,
        );
        return {
          id: item.id,
          message: review.message,
          group: review.group,
          author: review.author,
          reasons: item.reasons,
          priority: item.priority,
          status: item.status,
          createdAt: item.createdAt.toISOString(),
          claimedBy: personIn(item.groupId, item.claimedBy),
          context,
          resolution:
            item.resolutionAction && item.resolvedAt
              ? {
                  action: item.resolutionAction,
                  note: item.resolutionNote,
                  actor: personIn(item.groupId, item.resolvedBy),
                  at: item.resolvedAt.toISOString(),
                }
              : null,
        };
      }),
    );
  }
}
