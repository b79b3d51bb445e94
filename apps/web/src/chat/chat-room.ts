import { ApiError, del, describeError, get, patch, post } from '../api/client';
import type { FlagReason, Message, Page, PublicUser, ReactionKind, Session } from '../api/types';
import { createStore } from '../app/store';
import { connection, onLive, request } from '../live/live-socket';
import { newClientId } from './client-id';
import {
  applyChange,
  lastSeqOf,
  markRemoved,
  mergeMessages,
  replaceMessage,
} from './message-list-ops';

/** A message of mine not yet acknowledged: shown at once, sent again with the same clientId until it is. */
export interface PendingMessage {
  clientId: string;
  body: string;
  state: 'sending' | 'waiting' | 'failed';
  error?: string;
}

export interface ChatState {
  ready: boolean;
  messages: Message[];
  pending: PendingMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  online: PublicUser[];
  typing: PublicUser[];
  liveSession: Session | null;
  removedReason: string | null;
  error: string;
}

const PAGE = 50;
const TYPING_SHOWN_MS = 4000;
const TYPING_SENT_EVERY_MS = 2500;
const RETRY_MS = 3000;

/**
 * One group's live room: history by seq cursors, live events, my pending
 * messages, presence and typing. After a dropped connection it fetches what
 * it missed (`after`) and what changed (`changes?since=`), so nothing is
 * lost or shown twice.
 */
export class ChatRoom {
  readonly state = createStore<ChatState>({
    ready: false,
    messages: [],
    pending: [],
    hasOlder: false,
    loadingOlder: false,
    online: [],
    typing: [],
    liveSession: null,
    removedReason: null,
    error: '',
  });
  private changesCursor: string | number | null = null;
  private catchingUp: Promise<void> | null = null;
  private inFlight = new Set<string>();
  private lastTypingSent = 0;
  private typingTimers = new Map<string, number>();
  private stops: (() => void)[] = [];
  private stopped = false;

  constructor(
    readonly groupId: string,
    private readonly myId: string,
  ) {}

  private patchState(change: Partial<ChatState> | ((s: ChatState) => Partial<ChatState>)): void {
    if (this.stopped) return;
    this.state.set((s) => ({ ...s, ...(typeof change === 'function' ? change(s) : change) }));
  }

  private get base(): string {
    return `/api/groups/${this.groupId}`;
  }

  async start(): Promise<void> {
    this.listen();
    try {
      // The changes cursor is taken before the history, so a change made in between is not missed.
      this.changesCursor = (await get<Page<Message>>(`${this.base}/messages/changes`)).nextCursor;
      const page = await get<Page<Message>>(`${this.base}/messages?limit=${PAGE}`);
      this.patchState((s) => ({
        ready: true,
        messages: mergeMessages(s.messages, page.items),
        hasOlder: page.nextCursor !== null,
      }));
    } catch (err) {
      this.patchState({ ready: true, error: describeError(err) });
      return;
    }
    void this.refreshPresence();
    void this.findLiveSession();
  }

  stop(): void {
    this.stopped = true;
    this.stops.forEach((stop) => stop());
    this.typingTimers.forEach((timer) => window.clearTimeout(timer));
  }

  private listen(): void {
    const mine =
      <T extends { groupId?: string }>(fn: (p: T) => void) =>
      (p: T) => {
        if (p.groupId === this.groupId) fn(p);
      };
    let wasOffline = connection.get() !== 'online';
    this.stops.push(
      onLive<{ message: Message }>('message:new', ({ message }) => {
        if (message.groupId === this.groupId) this.receive(message);
      }),
      onLive<{ message: Message }>('message:updated', ({ message }) => {
        if (message.groupId === this.groupId)
          this.patchState((s) => ({ messages: applyChange(s.messages, message, s.hasOlder) }));
      }),
      onLive<{ groupId: string; messageId: string }>(
        'message:removed',
        mine(({ messageId }) =>
          this.patchState((s) => ({ messages: markRemoved(s.messages, messageId) })),
        ),
      ),
      onLive<{ groupId: string; user: PublicUser }>(
        'typing',
        mine(({ user }) => this.showTyping(user)),
      ),
      onLive<{ groupId: string; user: PublicUser; online: boolean }>(
        'presence',
        mine(({ user, online }) =>
          this.patchState((s) => ({
            online: online
              ? [...s.online.filter((u) => u.id !== user.id), user]
              : s.online.filter((u) => u.id !== user.id),
          })),
        ),
      ),
      onLive<{ session: Session }>('session:started', ({ session }) => {
        if (session.groupId === this.groupId) this.patchState({ liveSession: session });
      }),
      onLive<{ session: Session }>('session:ended', ({ session }) => {
        if (session.groupId === this.groupId)
          this.patchState((s) => (s.liveSession?.id === session.id ? { liveSession: null } : {}));
      }),
      onLive<{ groupId: string; reason: string }>(
        'group:removed',
        mine(({ reason }) => this.patchState({ removedReason: reason || 'removed' })),
      ),
      connection.subscribe((state) => {
        if (state !== 'online') {
          wasOffline = true;
          return;
        }
        if (!wasOffline) return;
        wasOffline = false;
        void this.recover();
      }),
    );
  }

  /** Back online: missed messages, changed messages, who is here, then my unsent messages. */
  private async recover(): Promise<void> {
    if (!this.state.get().ready) return;
    await this.catchUp();
    void this.refreshPresence();
    void this.findLiveSession();
    this.state
      .get()
      .pending.filter((p) => p.state !== 'failed')
      .forEach((p) => void this.deliver(p));
  }

  private receive(message: Message): void {
    const { messages } = this.state.get();
    const last = lastSeqOf(messages);
    this.settlePending(message);
    if (message.seq <= last + 1 || messages.length === 0) {
      this.patchState((s) => ({ messages: mergeMessages(s.messages, [message]) }));
    } else {
      void this.catchUp(); // a gap: fetch from the last seq we hold, which includes this message
    }
  }

  private settlePending(message: Message): void {
    if (message.author?.id !== this.myId) return;
    this.patchState((s) => ({ pending: s.pending.filter((p) => p.clientId !== message.clientId) }));
  }

  private catchUp(): Promise<void> {
    this.catchingUp ??= this.fetchMissed().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
  }

  private async fetchMissed(): Promise<void> {
    try {
      let after = lastSeqOf(this.state.get().messages);
      for (;;) {
        const page = await get<Page<Message>>(`${this.base}/messages?after=${after}&limit=100`);
        page.items.forEach((m) => this.settlePending(m));
        this.patchState((s) => ({ messages: mergeMessages(s.messages, page.items) }));
        if (page.nextCursor === null || page.items.length === 0) break;
        after = Number(page.nextCursor);
      }
      for (;;) {
        const since =
          this.changesCursor === null ? '' : `since=${encodeURIComponent(this.changesCursor)}&`;
        const page = await get<Page<Message>>(`${this.base}/messages/changes?${since}limit=100`);
        this.changesCursor = page.nextCursor;
        this.patchState((s) => ({
          messages: page.items.reduce((list, m) => applyChange(list, m, s.hasOlder), s.messages),
        }));
        if (page.items.length < 100) break;
      }
    } catch (err) {
      this.patchState({ error: describeError(err) });
    }
  }

  async loadOlder(): Promise<void> {
    const { messages, hasOlder, loadingOlder } = this.state.get();
    if (!hasOlder || loadingOlder || messages.length === 0) return;
    this.patchState({ loadingOlder: true });
    try {
      const page = await get<Page<Message>>(
        `${this.base}/messages?before=${messages[0].seq}&limit=${PAGE}`,
      );
      this.patchState((s) => ({
        messages: mergeMessages(s.messages, page.items),
        hasOlder: page.nextCursor !== null,
        loadingOlder: false,
      }));
    } catch (err) {
      this.patchState({ loadingOlder: false, error: describeError(err) });
    }
  }

  send(body: string): void {
    const pending: PendingMessage = { clientId: newClientId(), body, state: 'sending' };
    this.patchState((s) => ({ pending: [...s.pending, pending] }));
    void this.deliver(pending);
  }

  retry(clientId: string): void {
    const pending = this.state.get().pending.find((p) => p.clientId === clientId);
    if (pending) void this.deliver(pending);
  }

  discard(clientId: string): void {
    this.patchState((s) => ({ pending: s.pending.filter((p) => p.clientId !== clientId) }));
  }

  private setPending(clientId: string, change: Partial<PendingMessage>): void {
    this.patchState((s) => ({
      pending: s.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
    }));
  }

  private async deliver(pending: PendingMessage): Promise<void> {
    const { clientId, body } = pending;
    if (this.inFlight.has(clientId)) return;
    this.inFlight.add(clientId);
    this.setPending(clientId, { state: 'sending', error: undefined });
    const ack = await request<{ message: Message }>('message:send', {
      groupId: this.groupId,
      body,
      clientId,
    });
    this.inFlight.delete(clientId);
    if (ack.ok) return this.receive(ack.message);
    if (ack.error.code === 'UNAVAILABLE') {
      // Not known to be stored: keep it and send it again with the same clientId (the server dedupes).
      this.setPending(clientId, { state: 'waiting' });
      window.setTimeout(() => {
        const still = this.state.get().pending.find((p) => p.clientId === clientId);
        if (still?.state === 'waiting' && connection.get() === 'online') void this.deliver(still);
      }, RETRY_MS);
      return;
    }
    this.setPending(clientId, { state: 'failed', error: ack.error.message });
  }

  typing(): void {
    const now = Date.now();
    if (now - this.lastTypingSent < TYPING_SENT_EVERY_MS) return;
    this.lastTypingSent = now;
    void request('typing', { groupId: this.groupId });
  }

  private showTyping(user: PublicUser): void {
    if (user.id === this.myId) return;
    window.clearTimeout(this.typingTimers.get(user.id));
    this.patchState((s) => ({ typing: [...s.typing.filter((u) => u.id !== user.id), user] }));
    this.typingTimers.set(
      user.id,
      window.setTimeout(
        () => this.patchState((s) => ({ typing: s.typing.filter((u) => u.id !== user.id) })),
        TYPING_SHOWN_MS,
      ),
    );
  }

  private async refreshPresence(): Promise<void> {
    const ack = await request<{ online: PublicUser[] }>('presence:list', { groupId: this.groupId });
    if (ack.ok) this.patchState({ online: ack.online });
  }

  private async findLiveSession(): Promise<void> {
    const from = new Date(Date.now() - 8 * 3600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    try {
      const { items } = await get<{ items: Session[] }>(
        `${this.base}/sessions?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      this.patchState({ liveSession: items.find((s) => s.status === 'live') ?? null });
    } catch {
      // No sessions to show is not an error worth a banner in the chat.
    }
  }

  async edit(messageId: string, body: string): Promise<void> {
    const message = await patch<Message>(`/api/messages/${messageId}`, { body });
    this.patchState((s) => ({ messages: replaceMessage(s.messages, message) }));
  }

  async remove(messageId: string): Promise<void> {
    await del(`/api/messages/${messageId}`);
    this.patchState((s) => ({ messages: markRemoved(s.messages, messageId) }));
  }

  async react(messageId: string, kind: ReactionKind): Promise<void> {
    const answer = await post<Message | undefined>(`/api/messages/${messageId}/reactions`, {
      kind,
    });
    if (answer && 'reactions' in answer)
      this.patchState((s) => ({ messages: replaceMessage(s.messages, answer) }));
  }

  /** Resolves to a message for the member; an earlier flag by them is said plainly, not as an error. */
  async flag(messageId: string, reason: FlagReason, note: string): Promise<string> {
    try {
      await post(
        `/api/messages/${messageId}/flags`,
        note.trim() ? { reason, note: note.trim() } : { reason },
      );
      return 'Thank you. A moderator will look at it.';
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_FLAGGED')
        return 'You have already flagged this message.';
      throw err;
    }
  }
}
