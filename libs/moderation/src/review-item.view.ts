import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessagesService, type MessageView } from '@kintsugi/chat';
import { PublicUser, UsersService } from '@kintsugi/identity';
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

/** Builds ReviewItem views on purpose from the item, the chat's review read and public profiles. */
@Injectable()
export class ReviewItemViews {
  constructor(
    private readonly messages: MessagesService,
    private readonly users: UsersService,
  ) {}

  async one(item: ReviewItem, tx?: EntityManager): Promise<ReviewItemView> {
    const [view] = await this.many([item], tx);
    return view;
  }

  async many(items: ReviewItem[], tx?: EntityManager): Promise<ReviewItemView[]> {
    const people = await this.users.publicProfiles([
      ...new Set(items.flatMap((i) => [i.claimedBy, i.resolvedBy]).filter((id) => id !== null)),
    ]);
    const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
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
          claimedBy: person(item.claimedBy),
          context,
          resolution:
            item.resolutionAction && item.resolvedAt
              ? {
                  action: item.resolutionAction,
                  note: item.resolutionNote,
                  actor: person(item.resolvedBy),
                  at: item.resolvedAt.toISOString(),
                }
              : null,
        };
      }),
    );
  }
}
