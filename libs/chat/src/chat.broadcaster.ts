import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { RealtimeEmitter, Rooms } from '@kintsugi/platform';
import { MessageRow, MessageView, PUBLIC_VIEWER, toMessageView, Viewer } from './message.view';

/** `mine` is per member, so a broadcast never carries it: clients read it over REST. */
function broadcastView(row: MessageRow, viewer: Viewer): MessageView {
  const view = toMessageView(row, viewer);
  return { ...view, reactions: { counts: view.reactions.counts, mine: [] } };
}

/** The author's own view: a hidden or held message's text and reason. */
const ownView = (row: MessageRow): MessageView =>
  broadcastView(row, { id: row.author_id, canModerate: false });

/**
 * Tells sockets about messages, after commit. In the API process it emits
 * through the /chat namespace (local sockets at once, other processes through
 * the Redis adapter); in the worker, where there is no socket server, through
 * the platform's RealtimeEmitter. Both keep the order of the calls.
 */
@Injectable()
export class ChatBroadcaster implements OnModuleDestroy {
  private namespace: Namespace | null = null;

  constructor(private readonly realtime: RealtimeEmitter) {}

  /** Called by the gateway once its namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /**
   * On shutdown the adapter's Redis clients close before the last sockets'
   * disconnects are handled; from here on, emit through RealtimeEmitter
   * (closed later), so goodbyes still reach the other processes.
   */
  onModuleDestroy(): void {
    this.namespace = null;
  }

  /**
   * A withheld message (a new member's held post) goes to its author's
   * personal channel only, in their own view: the group hears nothing of it
   * until it is shown, and then as `message:updated` (messageUpdated), since
   * its seq is older than messages the group already has.
   */
  messageNew(row: MessageRow): void {
    if (row.withheld) {
      this.toUser(row.author_id, 'message:new', { message: ownView(row) });
      return;
    }
    this.toGroup(row.group_id, 'message:new', { message: broadcastView(row, PUBLIC_VIEWER) });
  }

  /**
   * The group gets what every member may see; the author then gets their
   * own view (a hidden message's text and reason) on their personal channel.
   * A withheld message's changes reach its author only.
   */
  messageUpdated(row: MessageRow): void {
    if (row.withheld) {
      this.toUser(row.author_id, 'message:updated', { message: ownView(row) });
      return;
    }
    this.toGroup(row.group_id, 'message:updated', { message: broadcastView(row, PUBLIC_VIEWER) });
    if (row.status === 'hidden') {
      this.toUser(row.author_id, 'message:updated', { message: ownView(row) });
    }
  }

  /** `authorOnly`: the message was withheld, so only its author ever knew of it. */
  messageRemoved(groupId: string, messageId: string, authorOnly?: string): void {
    if (authorOnly) this.toUser(authorOnly, 'message:removed', { groupId, messageId });
    else this.toGroup(groupId, 'message:removed', { groupId, messageId });
  }

  presence(groupId: string, payload: { groupId: string; user: unknown; online: boolean }): void {
    this.toGroup(groupId, 'presence', payload);
  }

  private toGroup(groupId: string, event: string, payload: unknown): void {
    if (this.namespace) this.namespace.to(Rooms.group(groupId)).emit(event, payload);
    else this.realtime.toGroup(groupId, event, payload);
  }

  private toUser(userId: string, event: string, payload: unknown): void {
    if (this.namespace) this.namespace.to(Rooms.user(userId)).emit(event, payload);
    else this.realtime.toUser(userId, event, payload);
  }
}
