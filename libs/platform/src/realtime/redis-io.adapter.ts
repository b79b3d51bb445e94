import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { redisOptions } from '../queue/redis-connection';
import { coalesceFlushedFrames } from './coalesce-frames';
import { socketAdapterKey } from './rooms';

/**
 * socket.io over the Redis adapter, so that several API processes behave as
 * one: a broadcast, a room change or a disconnect reaches sockets on all of them.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    private readonly redisPrefix: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    // Payloads above 64 KiB are refused in the ack (PAYLOAD_TOO_LARGE); the
    // transport limit sits higher so such a socket is answered, not dropped.
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 1_000_000,
    } as ServerOptions);
    const pub = new Redis(redisOptions(this.redisUrl));
    const sub = pub.duplicate();
    pub.on('error', () => undefined);
    sub.on('error', () => undefined);
    this.clients.push(pub, sub);
    server.adapter(createAdapter(pub, sub, { key: socketAdapterKey(this.redisPrefix) }));
    coalesceFlushedFrames(server.engine);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const client of this.clients) client.disconnect();
  }
}
