import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { api, ChatClient, Fleet, MemberLogin, Target } from './chat-clients';
import { checkMessages, checkScreening, Verdict } from './checks';
import { AppProcess, freePort, PostgresCluster, RedisServer, sleep, waitFor } from './infra';

export const CLIENTS = 20;
export const GROUPS = 4;
const PASSWORD = 'faults-suite-password';
const ADMIN = { handle: 'faults-admin', password: 'faults-admin-password' };
const DATABASE = 'kintsugi_faults';
const REDIS_PREFIX = 'faults';

export interface ScenarioResult extends Verdict {
  name: string;
  recoveryMs: number | null;
}

/** A handle of random letters (a handle with 7+ digits is refused as a possible phone number). */
const handle = (prefix: string) =>
  `${prefix}-${[...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/**
 * What the scenarios share: the cluster, Redis, two APIs (RUN_WORKERS=false)
 * and one worker from dist/, an admin and twenty members.
 */
export class Suite {
  pg!: PostgresCluster;
  redis!: RedisServer;
  apis!: [AppProcess, AppProcess];
  worker!: AppProcess;
  moderation!: Queue;
  private adminToken = '';
  private members: { id: string; handle: string }[] = [];

  /** Settings of every process; RECONCILE_INTERVAL stays at its default on purpose. */
  private env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.pg.url(DATABASE),
      REDIS_URL: this.redis.url,
      REDIS_PREFIX,
      JWT_SECRET: 'faults-suite-secret-that-is-long-enough-for-hs256',
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      ADMIN_HANDLE: ADMIN.handle,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_LOGIN: '1000/1m',
      RATE_LIMIT_REGISTER: '1000/1m',
      // Raised so that the overload scenario meets the platform's limits, not the limiter's.
      RATE_LIMIT_SEND: '100000/10s',
      REMINDER_OFFSETS: '8s,3s',
    };
  }

  async setup(say: (line: string) => void): Promise<void> {
    this.pg = await PostgresCluster.create();
    this.redis = await RedisServer.start();
    say(`PostgreSQL on 127.0.0.1:${this.pg.port} (${this.pg.dir}), Redis on ${this.redis.port}`);
    const apiEnv = { ...this.env(), RUN_WORKERS: 'false' };
    const node = ['--max-semi-space-size=64'];
    this.apis = [
      new AppProcess('api-1', 'dist/apps/api/src/main.js', apiEnv, await freePort(), node),
      new AppProcess('api-2', 'dist/apps/api/src/main.js', apiEnv, await freePort(), node),
    ];
    // At info level the worker says when it runs (it serves no HTTP to ask).
    const workerEnv = { ...this.env(), LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'info' };
    this.worker = new AppProcess('worker', 'dist/apps/worker/src/main.js', workerEnv, null);
    // The first creates and migrates the database; the others find it ready.
    await this.apis[0].start();
    await Promise.all([this.apis[1].start(), this.worker.start()]);
    say(`api-1 :${this.apis[0].port}, api-2 :${this.apis[1].port}, worker pid ${this.worker.pid}`);
    this.moderation = new Queue('moderation', {
      connection: { host: '127.0.0.1', port: this.redis.port, maxRetriesPerRequest: null },
      prefix: `${REDIS_PREFIX}-bull`,
    });
    this.moderation.on('error', () => undefined);

    this.adminToken = (await this.login(ADMIN.handle, ADMIN.password)).accessToken;
    for (let i = 0; i < CLIENTS; i++) {
      const res = await api<{ user: { id: string; handle: string } }>(
        this.targets()[0],
        '',
        'POST',
        '/api/auth/register',
        { handle: handle('f'), password: PASSWORD, journeyRole: 'betrayed' },
      );
      if (res.status !== 201)
        throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
      this.members.push(res.body.user);
    }
  }

  async teardown(): Promise<void> {
    await this.moderation?.close().catch(() => undefined);
    await Promise.all([...(this.apis ?? []), this.worker].map((p) => p?.stop()));
    await this.redis?.kill();
    this.pg?.stopFast();
  }

  targets(): Target[] {
    return this.apis.map((p) => ({ name: p.name, url: p.url }));
  }

  /** A fresh connection to the cluster for each check (the cluster may have restarted since). */
  async db<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: this.pg.url(DATABASE) });
    db.on('error', () => undefined);
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end().catch(() => undefined);
    }
  }

  private async login(h: string, password: string): Promise<MemberLogin> {
    const res = await api<{ user: { id: string; handle: string }; accessToken: string }>(
      this.targets()[0],
      '',
      'POST',
      '/api/auth/login',
      { handle: h, password },
    );
    if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...res.body.user, accessToken: res.body.accessToken };
  }

  /** Every process up and ready again (a scenario may have left one down). */
  async ensureWhole(): Promise<void> {
    for (const process of [...this.apis, this.worker])
      if (!process.running) {
        process.restarts++;
        await process.start();
      }
    for (const target of this.targets())
      await waitFor(`${target.name} ready`, () => isReady(target), 30_000);
  }

  /**
   * Four new groups of five members each (fresh tokens), and a connected
   * client per member: the even ones on api-1 first, the odd ones on api-2.
   */
  async scenarioFleet(): Promise<{ fleet: Fleet; groups: { id: string; token: string }[] }> {
    const groups: { id: string; token: string }[] = [];
    for (let g = 0; g < GROUPS; g++) {
      const res = await api<{ id: string }>(
        this.targets()[0],
        this.adminToken,
        'POST',
        '/api/groups',
        { name: `Faults ${handle('g')}`, description: 'Fault suite circle.', audience: 'betrayed' },
      );
      if (res.status !== 201) throw new Error(`group: ${res.status} ${JSON.stringify(res.body)}`);
      groups.push({ id: res.body.id, token: '' });
    }
    this.adminToken = (await this.login(ADMIN.handle, ADMIN.password)).accessToken;
    const clients: ChatClient[] = [];
    for (let i = 0; i < this.members.length; i++) {
      const login = await this.login(this.members[i].handle, PASSWORD);
      const group = groups[i % GROUPS];
      const joined = await api(
        this.targets()[0],
        login.accessToken,
        'POST',
        `/api/groups/${group.id}/join`,
        { acceptGuidelines: true },
      );
      if (joined.status !== 201 && joined.status !== 200)
        throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
      group.token ||= login.accessToken;
      clients.push(new ChatClient(login, group.id, this.targets(), i));
    }
    const fleet = new Fleet(clients);
    await fleet.connectAll();
    return { fleet, groups };
  }

  get admin(): string {
    return this.adminToken;
  }

  /** The checks every scenario ends with, once the platform is whole again. */
  async verify(
    fleet: Fleet,
    groups: { id: string; token: string }[],
    screeningMs = 60_000,
  ): Promise<Verdict> {
    await this.ensureWhole();
    // A send whose ack timed out may still be committed: count once nothing more arrives.
    await this.db((db) =>
      settled(
        db,
        groups.map((g) => g.id),
      ),
    );
    const target = this.targets()[1];
    await fleet.finish(() => target);
    return this.db(async (db) => {
      const verdict = await checkMessages(target, db, groups, fleet.clients, fleet.outgoing);
      await checkScreening(
        db,
        this.moderation,
        groups.map((g) => g.id),
        verdict,
        screeningMs,
      );
      return verdict;
    });
  }
}

/** Waits (at most 30 s) until the groups' message count has not moved for a second. */
async function settled(db: Client, groupIds: string[]): Promise<void> {
  const count = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM messages WHERE group_id = ANY($1)`, [groupIds]))
      .rows[0].n as number;
  let last = await count();
  for (let i = 0; i < 30; i++) {
    await sleep(1000);
    const now = await count();
    if (now === last) return;
    last = now;
  }
}

export async function isReady(target: Target): Promise<boolean> {
  return readiness(target).then((status) => status === 200);
}

/** The status of GET /health/ready, or 0 when nothing answered within 3 s. */
export async function readiness(target: Target): Promise<number> {
  try {
    const res = await fetch(`${target.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Time from `since` until every client had a send that it emitted after
 * `since` acknowledged: the outage as the members lived it. null when some
 * client never got one.
 */
export function ackRecoveryMs(fleet: Fleet, since: number): number | null {
  let worst = 0;
  for (const client of fleet.clients) {
    const firsts = client.outgoing
      .flatMap((o) => o.attempts)
      .filter((a) => a.outcome === 'ok' && a.emittedAt >= since)
      .map((a) => a.answeredAt!);
    if (firsts.length === 0) return null;
    worst = Math.max(worst, Math.min(...firsts) - since);
  }
  return worst;
}

export { sleep };
