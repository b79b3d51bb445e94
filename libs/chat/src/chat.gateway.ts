import { Logger } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  CHAT_NAMESPACE,
  MetricsService,
  Rooms,
  toErrorBody,
  validateInput,
} from '@kintsugi/platform';
import { AccessTokensService, AuthUser, toPublicUser } from '@kintsugi/identity';
import { GroupAccessService } from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';
import { MessageSendService } from './message-send.service';
import { SocketGroupDto, SocketSendDto } from './messages.dto';
import { PresenceService } from './presence.service';
import { refuseLargePayloads } from './socket-payload-limit';

type Ack = { ok: true } & Record<string, unknown>;
type Refusal = { ok: false; error: ReturnType<typeof toErrorBody>['body'] };

/** Every handler answers `{ ok: true, … }` or `{ ok: false, error }`, never throws at the socket. */
async function answer(work: () => Promise<Record<string, unknown> | void>): Promise<Ack | Refusal> {
  try {
    return { ok: true, ...((await work()) ?? {}) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).body };
  }
}

const userOf = (socket: Socket): AuthUser => (socket.data as { user: AuthUser }).user;

type EventHandler = (socket: Socket, payload: unknown) => Promise<Ack | Refusal>;

/**
 * Binds an event to its handler as socket.io calls it: the last argument is
 * the ack when it is a function; one argument is the payload, several are
 * passed on as a list (which validation refuses), as NestJS maps them.
 */
function bind(socket: Socket, event: string, handle: EventHandler): void {
  socket.on(event, (...args: unknown[]) => {
    const ack =
      typeof args[args.length - 1] === 'function'
        ? (args.pop() as (answer: unknown) => void)
        : null;
    const payload = args.length === 1 ? args[0] : args.length === 0 ? undefined : args;
    void handle(socket, payload).then((answered) => ack?.(answered));
  });
}

/**
 * The /chat namespace: authentication at the handshake (a bad token is a
 * connect_error, never a connection), rooms joined before the client hears
 * "connected", and events mapped to the same services as REST. Events are
 * bound on each socket directly rather than through @SubscribeMessage:
 * NestJS's per-event pipeline (an rxjs chain per handler per socket, an
 * execution context per event) cost a fifth of the API's CPU at 2,000
 * sends/s, and these handlers use none of its guards, pipes or filters
 * (`answer` maps every error to the contract's shape).
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(ChatGateway.name);

  constructor(
    private readonly tokens: AccessTokensService,
    private readonly access: GroupAccessService,
    private readonly sends: MessageSendService,
    private readonly presence: PresenceService,
    private readonly broadcaster: ChatBroadcaster,
    private readonly metrics: MetricsService,
  ) {}

  afterInit(namespace: Namespace): void {
    this.broadcaster.attach(namespace);
    this.presence.attach(namespace);
    namespace.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => {
          const { body } = toErrorBody(error);
          next(Object.assign(new Error(body.code), { data: body }));
        },
      );
    });
  }

  /** Who it is, and every room they belong in, before the connection is confirmed. */
  private async admit(socket: Socket): Promise<void> {
    const token: unknown = socket.handshake.auth?.token;
    const user = await this.tokens.authenticate(typeof token === 'string' ? token : null);
    socket.data = { user };
    const groupIds = await this.access.groupIdsOf(user.id);
    await socket.join([Rooms.user(user.id), ...groupIds.map(Rooms.group)]);
    socket.use(refuseLargePayloads);
    bind(socket, 'message:send', (s, payload) => this.send(s, payload));
    bind(socket, 'group:subscribe', (s, payload) => this.subscribe(s, payload));
    bind(socket, 'typing', (s, payload) => this.typing(s, payload));
    bind(socket, 'presence:list', (s, payload) => this.list(s, payload));
  }

  async handleConnection(socket: Socket): Promise<void> {
    this.metrics.socketConnections.inc();
    const user = userOf(socket);
    // Asked again now that a drop can reach this socket: one sent for an erasure,
    // an audience move or a change of roles while the handshake ran went past
    // it. Unanswered, it drops too; the client's next handshake asks the database again.
    if (!(await this.tokens.unchangedSince(user).catch(() => false))) {
      socket.disconnect(true);
      return;
    }
    // Gone during that read: a lease taken now would show them online until it lapsed.
    if (socket.disconnected) return;
    const rooms = [...socket.rooms].filter((room) => room.startsWith('group:'));
    await this.presenceChange(
      user,
      () => this.presence.socketOpened(user.id, socket.id),
      true,
      async () => rooms,
    );
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    this.metrics.socketConnections.dec();
    const user = userOf(socket);
    if (!user) return;
    await this.presenceChange(
      user,
      () => this.presence.socketClosed(user.id, socket.id),
      false,
      async () => (await this.access.groupIdsOf(user.id)).map(Rooms.group),
    );
  }

  private send(socket: Socket, payload: unknown) {
    return answer(async () => {
      const input = await validateInput(SocketSendDto, payload, 'payload');
      const { message } = await this.sends.send(userOf(socket), input.groupId, input, 'socket');
      return { message };
    });
  }

  /** After joining over REST: the same membership check as every door, then the room. */
  private subscribe(socket: Socket, payload: unknown) {
    return answer(async () => {
      const { groupId } = await validateInput(SocketGroupDto, payload, 'payload');
      await this.access.require(userOf(socket), groupId, 'member');
      await socket.join(Rooms.group(groupId));
    });
  }

  /**
   * The policy answers (batched with every other question), and with it how
   * the member appears in the group: their pseudonym there, or the account.
   */
  private typing(socket: Socket, payload: unknown) {
    return answer(async () => {
      const { groupId } = await validateInput(SocketGroupDto, payload, 'payload');
      const user = userOf(socket);
      const access = await this.access.require(user, groupId, 'member');
      const shown = access.pseudonym ?? toPublicUser(user);
      socket.to(Rooms.group(groupId)).emit('typing', { groupId, user: shown });
    });
  }

  private list(socket: Socket, payload: unknown) {
    return answer(async () => {
      const { groupId } = await validateInput(SocketGroupDto, payload, 'payload');
      await this.access.require(userOf(socket), groupId, 'member');
      return { online: await this.presence.onlineMembers(groupId) };
    });
  }

  /**
   * Presence is a courtesy: when Redis or the database cannot answer (an
   * outage, or the process shutting down) chat goes on and nobody is announced.
   */
  private async presenceChange(
    user: AuthUser,
    record: () => Promise<boolean>,
    online: boolean,
    rooms: () => Promise<string[]>,
  ): Promise<void> {
    try {
      if (!(await record())) return;
      const groupIds = (await rooms()).map((room) => room.slice('group:'.length));
      await this.presence.announce(user.id, groupIds, online);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Presence not announced');
    }
  }
}
