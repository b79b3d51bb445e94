import { Injectable } from '@nestjs/common';
import { Env, MetricsService, RateLimiter } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { MessageCommitQueue } from './message-commit.queue';
import { MessageView, toMessageView } from './message.view';
import type { SendMessageDto } from './messages.dto';

export type SendDoor = 'rest' | 'socket';

/**
 * The one path of a new message, for REST and socket alike: access (MUTED
 * and the rest), the per-member-per-group rate limit shared by both doors,
 * then the commit; the ack follows the commit, the broadcast too.
 */
@Injectable()
export class MessageSendService {
  constructor(
    private readonly access: GroupAccessService,
    private readonly limiter: RateLimiter,
    private readonly env: Env,
    private readonly commits: MessageCommitQueue,
    private readonly metrics: MetricsService,
  ) {}

  async send(
    user: AuthUser,
    groupId: string,
    input: SendMessageDto,
    door: SendDoor,
  ): Promise<{ message: MessageView; created: boolean }> {
    const { canModerate } = await this.access.require(user, groupId, 'post');
    const ticket = await this.limiter
      .consume('send', `${user.id}-${groupId}`, this.env.rateLimit('SEND'))
      .catch(async (refusal: unknown) => {
        // A retry of a message already stored is answered, limit or not.
        const original = await this.commits.original(user.id, input.clientId);
        if (!original) throw refusal;
        return original;
      });
    if ('row' in ticket) {
      return { message: toMessageView(ticket.row, { id: user.id, canModerate }), created: false };
    }
    const { row, created } = await this.commits.submit(groupId, {
      authorId: user.id,
      authorHandle: user.handle,
      clientId: input.clientId,
      body: input.body,
    });
    // A retry is not a new message: it gives its slot back.
    if (created) this.metrics.messagesSent.inc({ door });
    else await this.limiter.release(ticket);
    return { message: toMessageView(row, { id: user.id, canModerate }), created };
  }
}
