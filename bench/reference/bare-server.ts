/**
 * Reference for bench/chat-fanout.ts: a socket.io server that only
 * broadcasts. No authentication, no database, no validation: a socket joins
 * the room named in its handshake (`auth.groupId`), a send gets the group's
 * next in-memory seq, an ack and a broadcast. It measures what socket.io
 * itself costs on this machine.
 * Run: node -r @swc-node/register bench/reference/bare-server.ts <port>
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 3931);
const http = createServer();
const io = new Server(http, { serveClient: false });
const chat = io.of('/chat');
const seqs = new Map<string, number>();

chat.on('connection', (socket) => {
  const groupId = String(socket.handshake.auth.groupId);
  void socket.join(`group:${groupId}`);
  socket.on('message:send', (payload: { groupId: string; body: string; clientId: string }, ack) => {
    const seq = (seqs.get(payload.groupId) ?? 0) + 1;
    seqs.set(payload.groupId, seq);
    const message = {
      groupId: payload.groupId,
      seq,
      body: payload.body,
      clientId: payload.clientId,
    };
    if (typeof ack === 'function') ack({ ok: true, message });
    chat.to(`group:${payload.groupId}`).emit('message:new', { message });
  });
});

http.listen(port, '127.0.0.1', () => process.send?.('ready'));
