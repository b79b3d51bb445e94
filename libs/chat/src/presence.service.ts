import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { Clock, Env, RedisClient } from '@kintsugi/platform';
import { AuthUser, PublicUser } from '@kintsugi/identity';
import {
  GroupAccessService,
  GroupsExtensions,
  PseudonymsService,
  publicPart,
} from '@kintsugi/groups';
import { ChatBroadcaster } from './chat.broadcaster';

/**
 * Every timing is a fraction of PRESENCE_LEASE, the longest a crashed
 * process's members may still count as online: a socket's lease lasts 8/10 of
 * it and is renewed every quarter (two renewals may fail before it lapses),
 * and lapsed leases are swept every tenth, so lapse plus sweep fit in it.
 */
const presenceTimings = (leaseMs: number) => ({
  socketLeaseMs: Math.round(leaseMs * 0.8),
  renewEveryMs: Math.round(leaseMs / 4),
  sweepEveryMs: Math.round(leaseMs / 10),
});

/** How many lapsed members one sweep takes on; the rest wait for the next. */
const SWEEP_BATCH = 500;

// KEYS[1] is the member's set of socket leases, KEYS[2] the index of members
// announced online, scored by their latest lease. Whoever adds a member to the
// index announces them online and whoever takes them out announces them
// offline; each step is one script, so that happens once per change however
// many sockets, processes and sweepers race.

/** Adds or renews a socket's lease; 1 when that brings the member online. */
const ADD_SOCKET = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZADD', KEYS[2], 'GT', ARGV[2], ARGV[5])`;

/** Drops a socket's lease; 1 when it was the member's last live one. */
const DROP_SOCKET = `
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
redis.call('DEL', KEYS[1])
return redis.call('ZREM', KEYS[2], ARGV[3])`;

/**
 * Takes a member whose every lease has lapsed (their index score is the
 * latest) out of the index; 1 for the one sweeper that does it, 0 when a
 * renewal or another sweeper came first.
 */
const EXPIRE_MEMBER = `
local latest = redis.call('ZSCORE', KEYS[2], ARGV[2])
if not latest or tonumber(latest) > tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
return redis.call('ZREM', KEYS[2], ARGV[2])`;

/**
 * Who is online, across every API process. Each member has one sorted set in
 * Redis of their open sockets, scored by a lease that the process holding
 * the socket renews, and an index of the members announced online. A process
 * that crashes says no goodbyes, so every API process sweeps the index for
 * members whose leases have all lapsed and announces them offline, within
 * PRESENCE_LEASE of the crash; a member still connected through another
 * process keeps a live lease and stays online. Being in Redis, the reader
 * also works in the worker (session attendance), where there is no socket
 * server.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private readonly timings: ReturnType<typeof presenceTimings>;
  private namespace: Namespace | null = null;
  private timers: NodeJS.Timeout[] = [];
  private sweeping = false;
  /** Sockets whose lease the gateway took: only those are renewed. */
  private readonly leased = new Set<string>();

  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
    private readonly access: GroupAccessService,
    private readonly pseudonyms: PseudonymsService,
    private readonly groups: GroupsExtensions,
    private readonly broadcaster: ChatBroadcaster,
    env: Env,
  ) {
    this.timings = presenceTimings(env.presenceLeaseMs);
  }

  /** Fills `online` in groups' member list. */
  onModuleInit(): void {
    this.groups.setOnlineLookup(async (_groupId, userIds) => {
      // Without Redis the member list still answers, with everyone offline.
      const online = await this.onlineAmong(userIds).catch(() => []);
      return new Set(online);
    });
  }

  /** Called by the gateway: from then on this process renews its sockets' leases and sweeps. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.timers = [
      setInterval(() => void this.renew(), this.timings.renewEveryMs),
      setInterval(() => void this.sweep(), this.timings.sweepEveryMs),
    ];
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  /** True when this socket brings the member online (announce it). */
  async socketOpened(userId: string, socketId: string): Promise<boolean> {
    this.leased.add(socketId);
    return this.lease(userId, socketId);
  }

  /** True when that was the member's last live socket anywhere (announce it). */
  async socketClosed(userId: string, socketId: string): Promise<boolean> {
    this.leased.delete(socketId);
    return (await this.run(DROP_SOCKET, userId, [this.clock.nowMs(), socketId, userId])) === 1;
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

  /** The group's online members as the group sees them (a pseudonym where one is in use). */
  async onlineMembers(groupId: string): Promise<PublicUser[]> {
    const shown = await this.pseudonyms.inGroup(groupId, await this.onlineUserIds(groupId));
    return [...shown.values()].map(publicPart);
  }

  /**
   * Tells each group that the member came or went, as that group sees them
   * (one query for all their groups). An erased member is not announced.
   */
  async announce(userId: string, groupIds: string[], online: boolean): Promise<void> {
    if (groupIds.length === 0) return;
    const shown = await this.pseudonyms.ofMember(userId, groupIds);
    for (const [groupId, appearance] of shown)
      this.broadcaster.presence(groupId, { groupId, user: publicPart(appearance), online });
  }

  /** Adds or renews a socket's lease; true when that brings the member online. */
  private async lease(userId: string, socketId: string): Promise<boolean> {
    const now = this.clock.nowMs();
    const { socketLeaseMs } = this.timings;
    const args = [now, now + socketLeaseMs, socketId, socketLeaseMs, userId];
    return (await this.run(ADD_SOCKET, userId, args)) === 1;
  }

  /**
   * Renews the leases of this process's sockets. The scripts are sent in this
   * tick, so a socket that closes meanwhile has its lease dropped after, not
   * before, this renewal (one connection keeps the order). A renewal that
   * brings a member back online means a sweeper had announced them offline
   * (this process could not reach Redis for longer than the lease): say so.
   */
  private async renew(): Promise<void> {
    if (!this.namespace) return;
    const renewals = [...this.namespace.sockets.values()].map(async (socket) => {
      const user = (socket.data as { user?: AuthUser }).user;
      if (!user || !this.leased.has(socket.id)) return;
      if (!(await this.lease(user.id, socket.id))) return;
      const groupIds = [...socket.rooms]
        .filter((room) => room.startsWith('group:'))
        .map((room) => room.slice('group:'.length));
      await this.announce(user.id, groupIds, true);
    });
    const failed = (await Promise.allSettled(renewals)).find((r) => r.status === 'rejected');
    if (failed) this.logger.warn({ err: String(failed.reason) }, 'Presence leases not renewed');
  }

  /**
   * Says the goodbyes that crashed processes could not: members whose every
   * lease has lapsed are taken out of the index and announced offline by
   * whichever live process's sweep gets there first (the script decides).
   */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const now = this.clock.nowMs();
      const lapsed = await this.redis.zrangebyscore(
        this.index,
        '-inf',
        now,
        'LIMIT',
        0,
        SWEEP_BATCH,
      );
      const taken = await Promise.all(lapsed.map((id) => this.run(EXPIRE_MEMBER, id, [now, id])));
      const gone = lapsed.filter((_, i) => taken[i] === 1);
      if (gone.length === 0) return;
      for (const userId of gone)
        await this.announce(userId, await this.access.groupIdsOf(userId), false);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Presence not swept');
    } finally {
      this.sweeping = false;
    }
  }

  private async run(script: string, userId: string, args: (string | number)[]): Promise<number> {
    return Number(await this.redis.eval(script, 2, this.key(userId), this.index, ...args));
  }

  /** Members announced online, scored by their latest lease. */
  private get index(): string {
    return this.redis.key('presence-online');
  }

  private key(userId: string): string {
    return this.redis.key('presence', userId);
  }
}
