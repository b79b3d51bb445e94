import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { Clock, RedisClient } from '@kintsugi/platform';
import { PublicUser, UsersService } from '@kintsugi/identity';
import { GroupAccessService, GroupsExtensions } from '@kintsugi/groups';

const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

/** Adds a socket's lease and answers how many live sockets the member has. */
const ADD_SOCKET = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZCARD', KEYS[1])`;

/** Drops a socket's lease and answers how many live sockets the member still has. */
const DROP_SOCKET = `
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local left = redis.call('ZCARD', KEYS[1])
if left == 0 then redis.call('DEL', KEYS[1]) end
return left`;

/**
 * Who is online, across every API process. Each member has one sorted set in
 * Redis of their open sockets, scored by a lease that the process holding
 * the socket renews; adding and dropping run as scripts, so "first socket
 * opened" and "last socket closed" are decided atomically however many tabs
 * and processes race. Leases (rather than bare counters) let a crashed
 * process's sockets fade out within a minute instead of keeping members
 * online for good. Being in Redis, the reader also works in the worker
 * (session attendance), where there is no socket server.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private namespace: Namespace | null = null;
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
    private readonly access: GroupAccessService,
    private readonly users: UsersService,
    private readonly groups: GroupsExtensions,
  ) {}

  /** Fills `online` in groups' member list. */
  onModuleInit(): void {
    this.groups.setOnlineLookup(async (_groupId, userIds) => {
      // Without Redis the member list still answers, with everyone offline.
      const online = await this.onlineAmong(userIds).catch(() => []);
      return new Set(online);
    });
  }

  /** Called by the gateway: from then on this process renews its sockets' leases. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.renewal.unref();
  }

  onModuleDestroy(): void {
    if (this.renewal) clearInterval(this.renewal);
  }

  /** True when this is the member's first open socket anywhere. */
  async socketOpened(userId: string, socketId: string): Promise<boolean> {
    const now = this.clock.nowMs();
    const open = await this.run(ADD_SOCKET, userId, [now, now + LEASE_MS, socketId, LEASE_MS]);
    return open === 1;
  }

  /** True when that was the member's last open socket anywhere. */
  async socketClosed(userId: string, socketId: string): Promise<boolean> {
    const left = await this.run(DROP_SOCKET, userId, [this.clock.nowMs(), socketId]);
    return left === 0;
  }

  /** Ids of the group's members with at least one live socket. */
  async onlineUserIds(groupId: string): Promise<string[]> {
    return this.onlineAmong(await this.access.memberIds(groupId));
  }

  /** Those of these members who have at least one live socket. */
  async onlineAmong(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const now = this.clock.nowMs();
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.zcount(this.key(id), now, '+inf');
    const counts = (await pipeline.exec()) ?? [];
    return ids.filter((_, i) => Number(counts[i]?.[1] ?? 0) > 0);
  }

  async onlineMembers(groupId: string): Promise<PublicUser[]> {
    const profiles = await this.users.publicProfiles(await this.onlineUserIds(groupId));
    return [...profiles.values()].filter((p): p is PublicUser => p !== null);
  }

  private async renew(): Promise<void> {
    if (!this.namespace || this.namespace.sockets.size === 0) return;
    const expiry = this.clock.nowMs() + LEASE_MS;
    const pipeline = this.redis.pipeline();
    for (const socket of this.namespace.sockets.values()) {
      const userId = (socket.data as { user?: { id: string } }).user?.id;
      if (!userId) continue;
      pipeline.zadd(this.key(userId), expiry, socket.id).pexpire(this.key(userId), LEASE_MS);
    }
    await pipeline
      .exec()
      .catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'Presence leases not renewed'),
      );
  }

  private async run(script: string, userId: string, args: (string | number)[]): Promise<number> {
    return Number(await this.redis.eval(script, 1, this.key(userId), ...args));
  }

  private key(userId: string): string {
    return this.redis.key('presence', userId);
  }
}
