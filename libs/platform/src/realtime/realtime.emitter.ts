import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { Env } from '../config/env';
import { redisOptions } from '../queue/redis-connection';
import { CHAT_NAMESPACE, Rooms, socketAdapterKey } from './rooms';

/**
 * Emits to chat rooms from any process (API or worker) through the Redis
 * adapter's channel, so a job can reach sockets held by every API process.
 */
@Injectable()
export class RealtimeEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly chat: Emitter;

  constructor(env: Env) {
    this.redis = new Redis(redisOptions(env.REDIS_URL));
    this.redis.on('error', () => undefined);
    this.chat = new Emitter(this.redis, { key: socketAdapterKey(env.REDIS_PREFIX) }).of(
      CHAT_NAMESPACE,
    );
  }

  toGroup(groupId: string, event: string, payload: unknown): void {
    this.chat.to(Rooms.group(groupId)).emit(event, payload);
  }

  toUser(userId: string, event: string, payload: unknown): void {
    this.chat.to(Rooms.user(userId)).emit(event, payload);
  }

  /** Takes every socket of a user out of a group's room, on every API process. */
  removeUserFromGroup(userId: string, groupId: string): void {
    this.chat.in(Rooms.user(userId)).socketsLeave(Rooms.group(groupId));
  }

  /** Disconnects every socket of a user (erasure, ban from the platform). */
  disconnectUser(userId: string): void {
    this.chat.in(Rooms.user(userId)).disconnectSockets(true);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
