/**
 * Reference for bench/chat-fanout.ts: the plain durable chat server — one
 * INSERT (its own transaction) per message into PostgreSQL, then the ack and
 * the broadcast. The message's seq is its row's bigserial, so concurrent
 * commits can be announced out of order (the bench counts that).
 * Run: node -r @swc-node/register bench/reference/commit-server.ts <port> <database url>
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 3932);
const pool = new Pool({ connectionString: process.argv[3], max: 20 });
const http = createServer();
const io = new Server(http, { serveClient: false });
const chat = io.of('/chat');

async function main(): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_ref_messages (
    seq bigserial PRIMARY KEY, group_id uuid NOT NULL, client_id text NOT NULL, body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`);
  chat.on('connection', (socket) => {
    void socket.join(`group:${String(socket.handshake.auth.groupId)}`);
    socket.on(
      'message:send',
      (payload: { groupId: string; body: string; clientId: string }, ack) => {
        pool
          .query(
            `INSERT INTO bench_ref_messages (group_id, client_id, body) VALUES ($1, $2, $3) RETURNING seq`,
            [payload.groupId, payload.clientId, payload.body],
          )
          .then(({ rows }) => {
            const message = { ...payload, seq: Number(rows[0].seq) };
            if (typeof ack === 'function') ack({ ok: true, message });
            chat.to(`group:${payload.groupId}`).emit('message:new', { message });
          })
          .catch(() => typeof ack === 'function' && ack({ ok: false }));
      },
    );
  });
  http.listen(port, '127.0.0.1', () => process.send?.('ready'));
}

void main();
