import type { Socket as TcpSocket } from 'node:net';
import type { Server, Socket } from 'socket.io';

/** engine.io's connection under a socket.io socket. */
type EngineSocket = Socket['conn'];

/**
 * The TCP stream the frames go onto, for a connection that was a WebSocket
 * from the start (an upgraded one's request is its first polling request,
 * whose stream is not the WebSocket's).
 */
function streamOf(connection: EngineSocket): TcpSocket | null {
  if (connection.transport.name !== 'websocket' || connection.upgraded) return null;
  return connection.request.socket as TcpSocket;
}

const uncork = (stream: TcpSocket) => stream.uncork();

/**
 * When engine.io flushes several packets to a WebSocket at once, they leave
 * in one write instead of one write each. That happens on every burst: the
 * first frame goes out alone and those sent while it is being written wait
 * in engine.io's buffer, then are flushed together (a committed batch of a
 * busy group's messages is such a burst to each of its members). A write is
 * a system call that costs far more than a small frame, and fan-out is most
 * of a chat server's writes. The stream is corked on engine.io's documented
 * `flush` event, which comes right before the transport writes the packets,
 * and uncorked on the next tick, as ws's author suggests (websockets/ws#1999);
 * corking only delays, so order is kept.
 */
export function coalesceFlushedFrames(engine: Server['engine']): void {
  engine.on('flush', (connection: EngineSocket, packets: unknown[]) => {
    const stream = packets.length > 1 ? streamOf(connection) : null;
    if (!stream?.writable) return;
    stream.cork();
    process.nextTick(uncork, stream);
  });
}
