import { io, Socket } from 'socket.io-client';
import type { Member } from './members';

export type ClientSocket = Socket;

/** Anything with the API's base URL (a TestApp, or a second process). */
export interface HasUrl {
  url: string;
}

function open(target: HasUrl, token: string | undefined): Socket {
  return io(`${target.url}/chat`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** A connected /chat socket of a member (rooms already joined when this resolves). */
export function socketFor(target: HasUrl, member: Member | string): Promise<Socket> {
  const socket = open(target, typeof member === 'string' ? member : member.accessToken);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The connect_error a handshake ends with (fails the test if it connects). */
export function connectError(target: HasUrl, token: string | undefined): Promise<Error> {
  const socket = open(target, token);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected, but a connect_error was expected'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error);
    });
  });
}

/** Emits with an ack callback and resolves with the ack. */
export function emitAck<T = AckAnswer>(
  socket: Socket,
  event: string,
  ...args: unknown[]
): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<T>;
}

export type AckAnswer = {
  ok: boolean;
  error?: { statusCode: number; code: string; message: string; details?: unknown[] };
  [key: string]: unknown;
};

/**
 * Socket events as tests read them: any shape, since each assertion names
 * the fields it checks (the server's shapes are asserted, not assumed).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SocketEvent = any;

/** The next `event` (optionally the first that matches), or a rejection after `ms`. */
export function nextEvent<T = SocketEvent>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Every `event` received from now on, in arrival order. */
export function collect<T = SocketEvent>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Proves that `event` did not arrive within `ms`. */
export async function expectNoEvent(socket: Socket, event: string, ms = 1000): Promise<void> {
  const seen: unknown[] = [];
  const listener = (payload: unknown) => seen.push(payload);
  socket.on(event, listener);
  await new Promise((resolve) => setTimeout(resolve, ms));
  socket.off(event, listener);
  expect(seen).toEqual([]);
}

export function closeAll(...sockets: (Socket | undefined)[]): void {
  for (const socket of sockets) socket?.close();
}

/** The sockets one test file opens, so that each test can close its own afterwards. */
export function trackSockets() {
  let open: Socket[] = [];
  return {
    async connect(target: HasUrl, member: Member | string): Promise<Socket> {
      const socket = await socketFor(target, member);
      open.push(socket);
      return socket;
    },
    closeAll(): void {
      closeAll(...open);
      open = [];
    },
  };
}
