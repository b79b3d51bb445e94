/**
 * Chat fan-out: 1,000 connected members in 50 groups of 20, at stepped send
 * rates, against Kintsugi and two reference servers written for this bench
 * (reference/bare-server.ts: broadcast only; reference/commit-server.ts: one
 * INSERT per message, ack and broadcast after commit).
 * Run: node -r @swc-node/register bench/chat-fanout.ts   (about 3–4 minutes;
 * BENCH_WORKER=1 BENCH_TARGETS=kintsugi 10 to 15)
 *
 * The load generator runs in its own process (a fork of this file) so that
 * its CPU is not the servers'. Per step it reports sends/s acked,
 * deliveries/s, ack and send-to-receive latency p50/p99, completeness (every
 * acked message received by all 20 members of its group), seq-order
 * violations and the server process's CPU (% of one core). A step passes
 * when p99 send-to-receive < 100 ms and nothing acked was lost (a failing
 * step is tried once more); each server's ceiling is its highest passing rate.
 *
 * BENCH_WORKER=1 measures Kintsugi both ways in the same run, on the same
 * database: the API alone (the worker runs elsewhere), and the API with the
 * worker (outbox relay, screening of every message) on the same cores, as a
 * one-machine deployment runs them. One ceiling swings by a step or two from
 * pass to pass on a small VM (a p99 is at the mercy of one stall), so it
 * measures both BENCH_ROUNDS times (default 3), alternating which goes first,
 * and reports each round's pair and the ratio of the two medians. With the
 * worker, each step also reports the worker's CPU and how many committed
 * messages were still unscreened when the step's drain ended.
 * The worker runs at its default niceness (WORKER_NICE, 19); BENCH_WORKER_NICE=0
 * measures it competing with the API on equal terms.
 */
import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { prepareDatabase } from '../libs/platform/src/database/prepare-database';
import { dropRedisPrefix } from './support/redis-prefix';
import { median } from './support/stats';

const ROOT = join(__dirname, '..');
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const tokens = new JwtService({ secret: SECRET });
const MEMBERS = 1000;
const GROUP_SIZE = 20;
// Fine steps around the ceilings seen so far (1,200 to beyond 4,400 sends/s, machine by
// machine); a run stops two steps past its ceiling.
const RATES = (
  process.env.BENCH_RATES ??
  '400,800,1200,1600,2000,2200,2400,2600,2800,3000,3200,3400,3600,3800,4000,4400,4800,5200,5600,6000,6800,8000'
)
  .split(',')
  .map(Number);
const STEP_MS = 4000;
const TARGETS = (process.env.BENCH_TARGETS ?? 'kintsugi,bare,commit').split(',');

interface Member {
  token: string;
  groupId: string;
}
interface StepResult {
  rate: number;
  /** 2 when the step failed once and was tried again; the second try is reported. */
  tries: number;
  sendsPerSec: number;
  deliveriesPerSec: number;
  ackP50: number;
  ackP99: number;
  e2eP50: number;
  e2eP99: number;
  completeness: number;
  refused: number;
  outOfOrder: number;
  /** The server process's CPU during the send window, in % of one core. */
  serverCpu: number;
  /** The worker's, when it runs beside the server. */
  workerCpu: number | null;
  /** Committed messages whose screening job was not done when the step's drain ended. */
  unscreened: number;
}

/** Where a step is measured: the server, and the worker with its database when it runs. */
interface Probe {
  serverPid: number;
  workerPid?: number;
  databaseUrl?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

// ───────────────────────── load generator (child) ─────────────────────────

/** CPU seconds a process has used so far (user + system; /proc counts 100 ticks a second). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function loadGenerator(url: string, members: Member[], probe: Probe): Promise<void> {
  const { serverPid, workerPid } = probe;
  const db = probe.databaseUrl ? new Client({ connectionString: probe.databaseUrl }) : undefined;
  await db?.connect();
  const unscreened = async () =>
    db
      ? Number(
          (
            await db.query(
              `SELECT coalesce(sum(jsonb_array_length(payload->'messageIds')), 0) AS n
               FROM outbox WHERE job_name = 'screen-messages' AND done_at IS NULL`,
            )
          ).rows[0].n,
        )
      : 0;
  const sockets: Socket[] = [];
  for (let i = 0; i < members.length; i += 100) {
    const batch = members.slice(i, i + 100).map(
      (m) =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(`${url}/chat`, {
            auth: { token: m.token, groupId: m.groupId },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
          });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  process.send!({ type: 'connected' });

  const sentAt = new Map<string, number>();
  const delivered = new Map<string, number>();
  const lastSeq = new Map<Socket, Map<string, number>>();
  let e2e: number[] = [];
  let outOfOrder = 0;
  sockets.forEach((s) => {
    lastSeq.set(s, new Map());
    s.on(
      'message:new',
      ({ message }: { message: { clientId: string; seq: number; groupId: string } }) => {
        const at = sentAt.get(message.clientId);
        if (at === undefined) return;
        e2e.push(performance.now() - at);
        delivered.set(message.clientId, (delivered.get(message.clientId) ?? 0) + 1);
        const seen = lastSeq.get(s)!;
        if ((seen.get(message.groupId) ?? 0) >= message.seq) outOfOrder++;
        seen.set(message.groupId, message.seq);
      },
    );
  });

  let next = 0;
  const step = async (rate: number): Promise<StepResult> => {
    e2e = [];
    outOfOrder = 0;
    delivered.clear();
    const acks: number[] = [];
    const acked: string[] = [];
    let refused = 0;
    let pending = 0;
    const started = performance.now();
    const cpuAtStart = cpuSeconds(serverPid);
    const workerCpuAtStart = workerPid ? cpuSeconds(workerPid) : 0;
    let issued = 0;
    while (performance.now() - started < STEP_MS) {
      // Due by the clock, not per tick: a tick takes longer than its 10 ms sleep under load.
      const due = Math.floor((rate * (performance.now() - started)) / 1000) - issued;
      for (let k = 0; k < due; k++, issued++) {
        const i = next++ % sockets.length;
        // Unique across runs on one database: a clientId seen before is a retry, acked but not sent again.
        const clientId = `${process.pid}-r${rate}-${next}`;
        const t0 = performance.now();
        sentAt.set(clientId, t0);
        pending++;
        sockets[i]
          .timeout(10_000)
          .emitWithAck('message:send', {
            groupId: members[i].groupId,
            body: `hello ${next}`,
            clientId,
          })
          .then(
            (answer: { ok: boolean }) => {
              pending--;
              if (!answer.ok) return refused++;
              acks.push(performance.now() - t0);
              acked.push(clientId);
            },
            () => {
              pending--;
              refused++;
            },
          );
      }
      await sleep(10);
    }
    const sendWindow = (performance.now() - started) / 1000;
    const serverCpu = (100 * (cpuSeconds(serverPid) - cpuAtStart)) / sendWindow;
    const workerCpu = workerPid
      ? (100 * (cpuSeconds(workerPid) - workerCpuAtStart)) / sendWindow
      : null;
    // Drain: wait for outstanding acks and deliveries, bounded.
    const drainUntil = performance.now() + 5000;
    while (performance.now() < drainUntil) {
      const complete = acked.every((id) => (delivered.get(id) ?? 0) >= GROUP_SIZE);
      if (pending === 0 && complete) break;
      await sleep(50);
    }
    const total = [...delivered.values()].reduce((a, b) => a + b, 0);
    const complete = acked.filter((id) => (delivered.get(id) ?? 0) >= GROUP_SIZE).length;
    await sleep(500);
    return {
      rate,
      tries: 1,
      sendsPerSec: acked.length / sendWindow,
      deliveriesPerSec: total / sendWindow,
      ackP50: pct(acks, 50),
      ackP99: pct(acks, 99),
      e2eP50: pct(e2e, 50),
      e2eP99: pct(e2e, 99),
      completeness: acked.length ? complete / acked.length : 0,
      refused: refused + pending,
      outOfOrder,
      serverCpu,
      workerCpu,
      unscreened: await unscreened(),
    };
  };

  // The first step warms up JIT, pools and caches on every server alike; not reported.
  await step(RATES[0]);
  const results: StepResult[] = [];
  for (const rate of RATES) {
    let result = await step(rate);
    // One stall (a GC pause, a checkpoint, a burst of screening) can lift a 4 s step's p99 past
    // the bar on a small VM; a failing step gets a second try, on every server alike.
    if (!passes(result)) result = { ...(await step(rate)), tries: 2 };
    results.push(result);
    // Two failing steps in a row, or one far past the ceiling: the rest would only take time.
    const failing = results.slice(-2).filter((r) => !passes(r));
    if (failing.length === 2 || result.e2eP99 > 2000 || result.completeness < 0.5) break;
  }
  sockets.forEach((s) => s.close());
  await db?.end();
  process.send!({ type: 'results', results });
}

// ───────────────────────────── orchestrator ─────────────────────────────

function start(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = fork(join(ROOT, entry), args, {
    cwd: ROOT,
    execArgv: ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register'],
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${url} not ready`);
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function drive(
  name: string,
  url: string,
  members: Member[],
  probe: Probe,
): Promise<{ results: StepResult[]; rss: number }> {
  const { serverPid } = probe;
  const child = fork(__filename, ['--load', url], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send({ members, probe });
  let rss = 0;
  const results = await new Promise<StepResult[]>((resolve, reject) => {
    child.on('message', (m: { type: string; results?: StepResult[] }) => {
      if (m.type === 'connected') rss = rssMb(serverPid);
      if (m.type === 'results') resolve(m.results!);
    });
    child.once(
      'exit',
      (code) => code && reject(new Error(`load generator for ${name} exited ${code}`)),
    );
  });
  child.kill();
  return { results, rss };
}

function passes(r: StepResult): boolean {
  return r.e2eP99 !== null && r.e2eP99 < 100 && r.completeness === 1 && r.refused === 0;
}

function ceiling(results: StepResult[]): number {
  return results.filter(passes).reduce((best, r) => Math.max(best, r.rate), 0);
}

/** A figure over IPC: a step with no samples has NaN, which arrives as null. */
const fixed = (value: number | null, digits: number) =>
  value === null || Number.isNaN(value) ? '-' : value.toFixed(digits);

function print(name: string, results: StepResult[], rss: number): void {
  console.log(`\n${name} (server RSS with ${MEMBERS} sockets open: ${rss.toFixed(0)} MiB)`);
  console.log(
    'rate  tries  sends/s  deliv/s  ack p50/p99 ms  e2e p50/p99 ms  complete  refused  out-of-order  server CPU  worker CPU  unscreened',
  );
  for (const r of results) {
    console.log(
      `${String(r.rate).padEnd(5)} ${String(r.tries).padStart(5)}  ${r.sendsPerSec.toFixed(0).padStart(7)}  ${r.deliveriesPerSec.toFixed(0).padStart(7)}  ` +
        `${fixed(r.ackP50, 1).padStart(6)}/${fixed(r.ackP99, 1).padEnd(7)} ${fixed(r.e2eP50, 1).padStart(6)}/${fixed(r.e2eP99, 1).padEnd(7)} ` +
        `${(r.completeness * 100).toFixed(2).padStart(7)}%  ${String(r.refused).padStart(7)}  ${String(r.outOfOrder).padStart(12)}  ${r.serverCpu.toFixed(0).padStart(9)}%` +
        (r.workerCpu === null
          ? ''
          : `  ${r.workerCpu.toFixed(0).padStart(9)}%  ${String(r.unscreened).padStart(10)}`),
    );
  }
  console.log(`ceiling (p99 < 100 ms, nothing lost): ${ceiling(results)} sends/s`);
}

async function setup(database: string): Promise<Member[]> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  await prepareDatabase(url.toString());
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    const users: { id: string }[] = (
      await db.query(
        `INSERT INTO users (handle, journey_role) SELECT 'bench-m' || g, 'betrayed'
         FROM generate_series(1, $1) g RETURNING id`,
        [MEMBERS],
      )
    ).rows;
    const groups: { id: string }[] = (
      await db.query(
        `INSERT INTO groups (name, description, audience, capacity, member_count, guidelines)
         SELECT 'Bench ' || g, 'bench', 'betrayed', $2, $2, 'be kind' FROM generate_series(1, $1) g RETURNING id`,
        [MEMBERS / GROUP_SIZE, GROUP_SIZE],
      )
    ).rows;
    const members = users.map((u, i) => ({
      userId: u.id,
      groupId: groups[Math.floor(i / GROUP_SIZE)].id,
    }));
    await db.query(
      `INSERT INTO memberships (group_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [members.map((m) => m.groupId), members.map((m) => m.userId)],
    );
    return members.map((m) => ({
      groupId: m.groupId,
      token: tokens.sign({ sub: m.userId }, { algorithm: 'HS256', expiresIn: 900 }),
    }));
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const database = `kintsugi_bench_fanout_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${database}`;
  const children: ChildProcess[] = [];
  try {
    const members = await setup(database);
    const summary: Record<string, number> = {};

    const port = 3941;
    const rounds: { alone: number; withWorker: number }[] = [];
    if (TARGETS.includes('kintsugi') && process.env.BENCH_WORKER === '1') {
      for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 3); round++) {
        // Alternating the order evens out what the first run leaves the second (a warm cache, a bigger table).
        const ceilings = new Map<boolean, number>();
        for (const withWorker of round % 2 === 0 ? [false, true] : [true, false])
          ceilings.set(
            withWorker,
            await driveKintsugi(port, members, dbUrl.toString(), database, withWorker),
          );
        rounds.push({ alone: ceilings.get(false)!, withWorker: ceilings.get(true)! });
      }
      summary.kintsugi = median(rounds.map((r) => r.alone));
      summary.withWorker = median(rounds.map((r) => r.withWorker));
    } else if (TARGETS.includes('kintsugi')) {
      summary.kintsugi = await driveKintsugi(port, members, dbUrl.toString(), database, false);
    }

    const references = [
      {
        name: 'bare',
        title: 'Reference: bare socket.io broadcast (no auth, no database)',
        entry: 'bench/reference/bare-server.ts',
        args: ['3942'],
      },
      {
        name: 'commit',
        title: 'Reference: one INSERT per message, ack + broadcast after commit',
        entry: 'bench/reference/commit-server.ts',
        args: ['3943', dbUrl.toString()],
      },
    ];
    for (const reference of references.filter((r) => TARGETS.includes(r.name))) {
      const server = await start(reference.entry, reference.args);
      children.push(server);
      const run = await drive(reference.name, `http://127.0.0.1:${reference.args[0]}`, members, {
        serverPid: server.pid!,
      });
      print(reference.title, run.results, run.rss);
      summary[reference.name] = ceiling(run.results);
      server.kill();
    }

    console.log('\nCeilings (sends/s):', summary);
    const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : 'n/a');
    console.log(`Kintsugi / commit server: ${ratio(summary.kintsugi, summary.commit)}×`);
    console.log(`Kintsugi / bare server:   ${ratio(summary.kintsugi, summary.bare)}×`);
    console.log(`commit / bare server:     ${ratio(summary.commit, summary.bare)}×`);
    rounds.forEach((r, i) =>
      console.log(
        `round ${i + 1}: API alone ${r.alone}, with the worker ${r.withWorker} sends/s: ${ratio(r.withWorker, r.alone)}×`,
      ),
    );
    if (summary.withWorker !== undefined)
      console.log(
        `with the worker / API alone, median ceilings of ${rounds.length} rounds: ${ratio(summary.withWorker, summary.kintsugi)}×`,
      );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sleep(500);
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await dropRedisPrefix(redisPrefix(database));
  }
}

/** One Kintsugi API (and the worker beside it, when asked) through every step; its ceiling. */
async function driveKintsugi(
  port: number,
  members: Member[],
  databaseUrl: string,
  database: string,
  withWorker: boolean,
): Promise<number> {
  // The run without the worker left its messages' screening jobs in the outbox, never relayed;
  // the worker's run screens its own messages only, unless BENCH_WORKER_BACKLOG=1 asks it to
  // drain that backlog too while the chat runs (a worker catching up after an outage).
  if (withWorker && process.env.BENCH_WORKER_BACKLOG !== '1') await discardOutbox(databaseUrl);
  const api = await startApi(port, databaseUrl, database);
  const worker = withWorker ? startWorker(databaseUrl, database) : undefined;
  try {
    await waitReady(`http://127.0.0.1:${port}`);
    const run = await drive('kintsugi', `http://127.0.0.1:${port}`, members, {
      serverPid: api.pid!,
      workerPid: worker?.pid,
      databaseUrl: withWorker ? databaseUrl : undefined,
    });
    print(
      withWorker
        ? 'Kintsugi API, with the worker (relay + screening) on the same cores'
        : 'Kintsugi API (RUN_WORKERS=false: the worker, relay and screening, runs apart)',
      run.results,
      run.rss,
    );
    return ceiling(run.results);
  } finally {
    // Graceful, and awaited: a --cpu-prof profile is written on exit.
    for (const child of [api, worker]) {
      if (!child || child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
}

async function discardOutbox(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`DELETE FROM outbox`);
  } finally {
    await db.end();
  }
}

const redisPrefix = (database: string) => `bench-${database.slice(-12)}`;

function appEnv(databaseUrl: string, database: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: redisPrefix(database),
    JWT_SECRET: SECRET,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RUN_WORKERS: 'false',
    RATE_LIMIT_SEND: '1000000/10s',
  };
}

async function startApi(
  port: number,
  databaseUrl: string,
  database: string,
): Promise<ChildProcess> {
  const child = fork(join(ROOT, 'apps/api/src/main.ts'), [], {
    cwd: ROOT,
    // BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API side.
    // --max-semi-space-size as `npm start` and the Dockerfile run the API.
    execArgv: [
      '-r',
      '@swc-node/register',
      '--max-semi-space-size=64',
      ...(process.env.BENCH_API_NODE_ARGS?.split(' ') ?? []),
    ],
    env: { ...appEnv(databaseUrl, database), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return child;
}

/**
 * BENCH_WORKER=1: the worker (outbox relay, screening of every message) runs
 * beside the API on the same cores, as a one-machine deployment would.
 */
function startWorker(databaseUrl: string, database: string): ChildProcess {
  return fork(join(ROOT, 'apps/worker/src/main.ts'), [], {
    cwd: ROOT,
    // BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the worker.
    execArgv: [
      '-r',
      '@swc-node/register',
      ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ') ?? []),
    ],
    // The worker's niceness is its own default (WORKER_NICE) unless BENCH_WORKER_NICE says otherwise.
    env: {
      ...appEnv(databaseUrl, database),
      ...(process.env.BENCH_WORKER_NICE ? { WORKER_NICE: process.env.BENCH_WORKER_NICE } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

if (process.argv[2] === '--load') {
  process.once('message', (m: { members: Member[]; probe: Probe }) => {
    loadGenerator(process.argv[3], m.members, m.probe).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
