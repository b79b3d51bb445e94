import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { sleep } from './infra';

/**
 * Chat members as a real client behaves: one socket to one API, on a drop a
 * new socket to the other API, catch-up over REST with `after=<last seq>`,
 * and every unacknowledged send retried with the same clientId until it is
 * acknowledged. Everything each one saw is recorded for the checks.
 */

export interface Target {
  name: string;
  url: string;
}

export interface MemberLogin {
  id: string;
  handle: string;
  accessToken: string;
}

export interface Attempt {
  emittedAt: number;
  answeredAt?: number;
  via: string;
  outcome: 'ok' | 'refused' | 'unanswered';
  code?: string;
}

export interface Outgoing {
  clientId: string;
  groupId: string;
  authorId: string;
  body: string;
  /** Carries an e-mail address: the personal-details screener must open one review item for it. */
  flagged: boolean;
  createdAt: number;
  attempts: Attempt[];
  acked?: { id: string; seq: number; at: number };
}

interface Message {
  id: string;
  groupId: string;
  seq: number;
  clientId: string;
  author: { id: string } | null;
}

const ACK_TIMEOUT_MS = 4000;

/** A hex clientId, unique per message (the contract allows 1–64 of [A-Za-z0-9_-]). */
const newClientId = () => randomBytes(16).toString('hex');

/** Plain words the screeners leave alone, and an e-mail address in every eighth message. */
function bodyFor(n: number, handle: string): { body: string; flagged: boolean } {
  const plain = [
    'Small steps today, a walk and some tea.',
    'Thank you all for listening last night.',
    'Slept better this week, still tired in the mornings.',
    'Writing things down helps me sort my thoughts.',
  ][n % 4];
  if (n % 8 === 7)
    return { body: `${plain} You can write to me at ${handle}.${n}@example.com`, flagged: true };
  return { body: `${plain} (${n})`, flagged: false };
}

export async function api<T = unknown>(
  target: Target,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${target.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export class ChatClient {
  private socket?: Socket;
  private connectedTo?: Target;
  private next: number;
  private closed = false;
  private connecting?: Promise<void>;
  private catchingUp?: Promise<void>;
  private wantCatchUp = false;
  private lastLiveSeq = 0;
  private counter = 0;
  /** Every message this client tried to send. */
  readonly outgoing: Outgoing[] = [];
  /** The highest seq up to which this client has seen every message of its group, once, in order. */
  lastSeq = 0;
  connects = 0;
  liveOutOfOrder = 0;
  liveGaps = 0;
  /** History pages that skipped or repeated a seq, or went backwards. */
  catchUpViolations: string[] = [];

  constructor(
    readonly member: MemberLogin,
    readonly groupId: string,
    private readonly targets: Target[],
    first: number,
  ) {
    this.next = first % targets.length;
  }

  get connected(): boolean {
    return !!this.socket?.connected;
  }

  get target(): Target | undefined {
    return this.connected ? this.connectedTo : undefined;
  }

  /** Connects to the next API in turn, and keeps doing so after every drop until closed. */
  connect(): Promise<void> {
    this.connecting ??= this.connectLoop().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connectLoop(): Promise<void> {
    while (!this.closed && !this.connected) {
      const target = this.targets[this.next];
      this.next = (this.next + 1) % this.targets.length;
      const socket = io(`${target.url}/chat`, {
        auth: { token: this.member.accessToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 3000,
      });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (!ok || this.closed) {
        socket.close();
        await sleep(200);
        continue;
      }
      this.socket = socket;
      this.connectedTo = target;
      this.connects++;
      this.lastLiveSeq = 0;
      socket.on('message:new', (payload: { message: Message }) => this.onLive(payload.message));
      socket.once('disconnect', () => {
        if (this.socket === socket) this.socket = undefined;
        socket.close();
        if (!this.closed) void this.connect();
      });
      // What was sent while this client had no socket.
      this.requestCatchUp();
    }
  }

  private onLive(message: Message): void {
    if (message.groupId !== this.groupId) return;
    const seq = Number(message.seq);
    // Within one connection a group's messages must arrive in seq order (API.md).
    if (this.lastLiveSeq && seq <= this.lastLiveSeq) this.liveOutOfOrder++;
    else if (this.lastLiveSeq && seq > this.lastLiveSeq + 1) this.liveGaps++;
    this.lastLiveSeq = Math.max(this.lastLiveSeq, seq);
    if (seq === this.lastSeq + 1 && !this.catchingUp) this.lastSeq = seq;
    else if (seq > this.lastSeq + 1) this.requestCatchUp();
  }

  /** Fetches `after=lastSeq` now, or once more after the catch-up in progress. */
  requestCatchUp(): void {
    if (this.catchingUp) {
      this.wantCatchUp = true;
      return;
    }
    this.catchingUp = this.catchUpLoop().finally(() => {
      this.catchingUp = undefined;
      if (this.wantCatchUp && !this.closed) {
        this.wantCatchUp = false;
        this.requestCatchUp();
      }
    });
  }

  private async catchUpLoop(): Promise<void> {
    for (let attempt = 0; attempt < 200 && !this.closed; attempt++) {
      const target = this.target ?? this.targets[0];
      try {
        await this.catchUp(target);
        return;
      } catch {
        await sleep(250); // the API or its database is down: try again
      }
    }
  }

  /** Pages through `?after=` from the last seq seen; checks that the pages neither skip nor repeat. */
  async catchUp(target: Target): Promise<void> {
    for (;;) {
      const after = this.lastSeq;
      const res = await api<{ items: Message[]; nextCursor: number | null }>(
        target,
        this.member.accessToken,
        'GET',
        `/api/groups/${this.groupId}/messages?after=${after}&limit=100`,
      );
      if (res.status !== 200) throw new Error(`history: ${res.status}`);
      let expected = after + 1;
      for (const item of res.body.items) {
        const seq = Number(item.seq);
        if (seq !== expected) {
          this.catchUpViolations.push(`after=${after}: got seq ${seq}, expected ${expected}`);
          if (seq < expected) continue; // a repeat: keep what was already seen
        }
        expected = seq + 1;
      }
      if (res.body.items.length > 0)
        this.lastSeq = Math.max(this.lastSeq, Number(res.body.items.at(-1)!.seq));
      if (res.body.nextCursor === null || res.body.items.length === 0) return;
    }
  }

  /** Sends until acknowledged (same clientId every time), or gives up at `giveUpAt`. */
  async deliver(outgoing: Outgoing, giveUpAt: () => number): Promise<void> {
    while (!outgoing.acked && Date.now() < giveUpAt() && !this.closed) {
      const socket = this.socket;
      if (!socket?.connected) {
        await sleep(50);
        continue;
      }
      const wait = await this.attempt(socket, outgoing, ACK_TIMEOUT_MS);
      if (wait > 0) await sleep(wait);
    }
  }

  /** One emit; returns how long to wait before retrying (0 when acknowledged). */
  async attempt(socket: Socket, outgoing: Outgoing, timeoutMs: number): Promise<number> {
    const attempt: Attempt = {
      emittedAt: Date.now(),
      via: this.connectedTo?.name ?? '?',
      outcome: 'unanswered',
    };
    outgoing.attempts.push(attempt);
    try {
      const answer = (await socket.timeout(timeoutMs).emitWithAck('message:send', {
        groupId: outgoing.groupId,
        body: outgoing.body,
        clientId: outgoing.clientId,
      })) as {
        ok: boolean;
        message?: Message;
        error?: { code: string; details?: { field: string; problem: unknown }[] };
      };
      attempt.answeredAt = Date.now();
      if (answer.ok && answer.message) {
        attempt.outcome = 'ok';
        outgoing.acked ??= {
          id: answer.message.id,
          seq: Number(answer.message.seq),
          at: attempt.answeredAt,
        };
        return 0;
      }
      attempt.outcome = 'refused';
      attempt.code = answer.error?.code ?? 'NO_ERROR_BODY';
      if (attempt.code === 'RATE_LIMITED') {
        const retry = answer.error?.details?.find((d) => d.field === 'retryAfterMs')?.problem;
        return Math.min(5000, Number(retry) || 500);
      }
      return 300;
    } catch {
      attempt.answeredAt = undefined;
      return 100;
    }
  }

  /** A new message with a fresh clientId (every eighth carries an e-mail address). */
  compose(): Outgoing {
    const { body, flagged } = bodyFor(this.counter++, this.member.handle);
    const outgoing: Outgoing = {
      clientId: newClientId(),
      groupId: this.groupId,
      authorId: this.member.id,
      body,
      flagged,
      createdAt: Date.now(),
      attempts: [],
    };
    this.outgoing.push(outgoing);
    return outgoing;
  }

  /** The raw socket, for sends that must not be retried (overload). */
  get rawSocket(): Socket | undefined {
    return this.socket;
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.socket = undefined;
  }

  /** Waits until the catch-up in progress (if any) is over. */
  async settled(): Promise<void> {
    while (this.catchingUp) await this.catchingUp;
  }
}

/** The clients of a scenario, and a steady send loop over all of them. */
export class Fleet {
  private sending = false;
  private readonly deliveries: Promise<void>[] = [];
  private giveUpAt = Infinity;

  constructor(readonly clients: ChatClient[]) {}

  async connectAll(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.connect()));
  }

  /**
   * Each client composes a message every `intervalMs` (jittered) until
   * stopSending(); each is retried until acknowledged.
   */
  startSending(intervalMs: number): void {
    this.sending = true;
    for (const client of this.clients) {
      void (async () => {
        await sleep(Math.random() * intervalMs);
        while (this.sending) {
          const outgoing = client.compose();
          this.deliveries.push(client.deliver(outgoing, () => this.giveUpAt));
          await sleep(intervalMs * (0.5 + Math.random()));
        }
      })();
    }
  }

  /** One more message from `client` right now, retried like the others. */
  deliverNow(client: ChatClient): void {
    this.deliveries.push(client.deliver(client.compose(), () => this.giveUpAt));
  }

  stopSending(): void {
    this.sending = false;
  }

  /** Stops composing and waits (at most `ms`) until every message is acknowledged. */
  async drain(ms: number): Promise<void> {
    this.stopSending();
    this.giveUpAt = Date.now() + ms;
    await Promise.all(this.deliveries);
  }

  get outgoing(): Outgoing[] {
    return this.clients.flatMap((c) => c.outgoing);
  }

  /** Final catch-up of every client from its own last seq, then every socket closed. */
  async finish(target: () => Target): Promise<void> {
    for (const client of this.clients) {
      await client.settled();
      for (let attempt = 0; ; attempt++) {
        try {
          await client.catchUp(client.target ?? target());
          break;
        } catch (error) {
          if (attempt > 40) throw error;
          await sleep(250);
        }
      }
    }
    for (const client of this.clients) client.close();
  }
}
