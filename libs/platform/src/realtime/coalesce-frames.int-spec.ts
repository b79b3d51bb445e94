import { createServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server, Socket } from 'socket.io';
import { io } from 'socket.io-client';
import { coalesceFlushedFrames } from './coalesce-frames';

const FRAMES = 10;

/**
 * Emits FRAMES events to one WebSocket in one turn of the event loop and
 * counts the writes they took on the server's TCP stream.
 */
async function burst(coalesce: boolean): Promise<{ writes: number; received: number[] }> {
  const http = createServer();
  const server = new Server(http);
  if (coalesce) coalesceFlushedFrames(server.engine);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const connected = new Promise<Socket>((resolve) => server.on('connection', resolve));
  const client = io(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    reconnection: false,
  });
  try {
    const socket = await connected;
    const stream = socket.conn.request.socket as TcpSocket;
    let writes = 0;
    for (const method of ['_write', '_writev'] as const) {
      const original = stream[method] as (...args: unknown[]) => void;
      stream[method] = ((...args: unknown[]) => {
        writes++;
        original.apply(stream, args);
      }) as never;
    }
    const received: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('n', (n: number) => received.push(n) === FRAMES && resolve()),
    );
    for (let n = 0; n < FRAMES; n++) socket.emit('n', n);
    await all;
    return { writes, received };
  } finally {
    client.close();
    await server.close();
  }
}

describe('coalesceFlushedFrames', () => {
  const inOrder = Array.from({ length: FRAMES }, (_, n) => n);

  it('sends a burst to a WebSocket in two writes (the first frame, then the rest), in order', async () => {
    const { writes, received } = await burst(true);
    expect(received).toEqual(inOrder);
    expect(writes).toBe(2);
  });

  it('is what makes the difference: without it each frame is a write of its own', async () => {
    const { writes, received } = await burst(false);
    expect(received).toEqual(inOrder);
    expect(writes).toBe(FRAMES);
  });
});
