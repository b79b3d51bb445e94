import { io, type Socket } from 'socket.io-client';
import { refreshTokens } from '../api/client';
import { readTokens } from '../api/tokens';
import type { ApiErrorBody } from '../api/types';
import { createStore } from '../app/store';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Whether the live connection is up; the chat shows it, and catches up when it comes back. */
export const connection = createStore<ConnectionState>('connecting');

let socket: Socket | null = null;

type Handler = Parameters<Socket['on']>[1];
const handlers = new Map<string, Set<Handler>>();

/** Listens to a server event on the current socket and on any later one (after sign-in again). */
export function onLive<T>(event: string, handler: (payload: T) => void): () => void {
  const set = handlers.get(event) ?? new Set<Handler>();
  handlers.set(event, set);
  set.add(handler as Handler);
  socket?.on(event, handler);
  return () => {
    set.delete(handler as Handler);
    socket?.off(event, handler);
  };
}

/** Opens the one `/chat` socket of this tab. The token is read at every (re)connect, so a refreshed one is used. */
export function connectLive(): Socket {
  if (socket) return socket;
  const live = io('/chat', {
    auth: (cb) => cb({ token: readTokens()?.accessToken ?? '' }),
    transports: ['websocket'],
    reconnectionDelayMax: 5000,
  });
  live.on('connect', () => connection.set('online'));
  live.on('disconnect', () => connection.set('offline'));
  live.on('connect_error', async (error) => {
    connection.set('offline');
    // An expired access token: refresh it, then try again; socket.io does not retry a refused handshake.
    if (error.message === 'UNAUTHENTICATED' && (await refreshTokens())) live.connect();
  });
  handlers.forEach((set, event) => set.forEach((handler) => live.on(event, handler)));
  socket = live;
  return live;
}

export function disconnectLive(): void {
  socket?.disconnect();
  socket = null;
  connection.set('connecting');
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ApiErrorBody };

/** Emits with an acknowledgement; a silent server within `timeoutMs` counts as UNAVAILABLE. */
export async function request<T>(
  event: string,
  payload: unknown,
  timeoutMs = 8000,
): Promise<Ack<T>> {
  const live = socket;
  if (!live?.connected) return unavailable();
  try {
    return (await live.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    return unavailable();
  }
}

const unavailable = (): { ok: false; error: ApiErrorBody } => ({
  ok: false,
  error: { statusCode: 503, code: 'UNAVAILABLE', message: 'Not connected.' },
});
