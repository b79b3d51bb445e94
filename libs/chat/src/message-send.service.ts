import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { Env, Errors, MetricsService, RateLimiter } from '@kintsugi/platform';
import { AuthUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { MessageCommitQueue } from './message-commit.queue';
import { MessageView, toMessageView } from './message.view';
import type { SendMessageDto } from './messages.dto';

export type SendDoor = 'rest' | 'socket';

/**
 * The one path of a new message, for REST and socket alike: access (MUTED
 * and the rest) and the per-member-per-group rate limit shared by both doors,
 * then the commit; the ack follows the commit, the broadcast too. Access
 * refusals come first, as before the limit.
 *
 * On shutdown (SIGTERM) the sends already under way are committed and
 * answered before the sockets close, and sends that arrive meanwhile are
 * refused with UNAVAILABLE, so the client retries them on another process:
 * an ack is never dropped with its socket (DESIGN.md invariant 3).
 */
@Injectable()
export class MessageSendService implements BeforeApplicationShutdown {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly access: GroupAccessService,
    private readonly limiter: RateLimiter,
    private readonly env: Env,
    private readonly commits: MessageCommitQueue,
    private readonly metrics: MetricsService,
  ) {}

  send(
    user: AuthUser,
    groupId: string,
    input: SendMessageDto,
    door: SendDoor,
  ): Promise<{ message: MessageView; created: boolean }> {
    if (this.closing)
      return Promise.reject(Errors.unavailable('This server is restarting. Please send again.'));
    const sending = this.sendNow(user, groupId, input, door);
    this.inFlight.add(sending);
    void sending.catch(() => undefined).finally(() => this.inFlight.delete(sending));
    return sending;
  }

  /**
   * Nest calls this before it closes the socket server: every send under way
   * settles and its ack is handed to its socket (acks are sent a few promise
   * hops after the send settles, hence the wait for the next turn of the
   * event loop) while the sockets are still open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await new Promise((resolve) => setImmediate(resolve));
  }

  private async sendNow(
    user: AuthUser,
    groupId: string,
    input: SendMessageDto,
    door: SendDoor,
  ): Promise<{ message: MessageView; created: boolean }> {
    // Asked at once, to spare a round trip; a send that access refuses gives its slot back.
    const [access, slot] = await Promise.allSettled([
      this.access.require(user, groupId, 'post'),
      this.limiter.consume('send', `${user.id}-${groupId}`, this.env.rateLimit('SEND')),
    ]);
    if (access.status === 'rejected') {
      if (slot.status === 'fulfilled') await this.limiter.release(slot.value);
      throw access.reason;
    }
    const viewer = { id: user.id, canModerate: access.value.canModerate };
    if (slot.status === 'rejected') {
      // A retry of a message already stored is answered, limit or not.
      const original = await this.commits.original(user.id, input.clientId);
      if (!original) throw slot.reason;
      return { message: toMessageView(original.row, viewer), created: false };
    }
    // How the author appears in the group came with the access answer (no extra round trip).
    const shown = access.value.pseudonym ?? user;
    const { row, created } = await this.commits.submit(groupId, {
      authorId: user.id,
      authorShownId: shown.id,
      authorHandle: shown.handle,
      clientId: input.clientId,
      body: input.body,
      // Only then can the post be held: a moderator or admin never is, and groups without review pay nothing.
      mayBeHeld: access.value.newMemberReview && !access.value.canModerate,
    });
    // A retry is not a new message: it gives its slot back.
    if (created) this.metrics.messagesSent.inc({ door });
    else await this.limiter.release(slot.value);
    return { message: toMessageView(row, viewer), created };
  }
}
