/**
 * A 50-message history page (GET /api/groups/:id/messages?before=&limit=50)
 * with 10,000 and then 1,000,000 messages in the group. Pages walk
 * UNIQUE (group_id, seq), so the medians should stay within 2× of each other.
 * Run: node -r @swc-node/register bench/history.bench.ts   (about a minute)
 * The API runs as its own process from the sources; messages are bulk-inserted
 * with generate_series (the seq column as the send path would number them).
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { prepareDatabase } from '../libs/platform/src/database/prepare-database';
import { median } from './support/stats';

const ROOT = join(__dirname, '..');
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const PORT = 3951;
const READS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fill(
  db: Client,
  groupId: string,
  authorId: string,
  from: number,
  to: number,
): Promise<void> {
  await db.query(
    `INSERT INTO messages (group_id, seq, author_id, client_id, body)
     SELECT $1, s, $2, 'b' || s, 'A message of ordinary length, written by a member, number ' || s
     FROM generate_series($3::bigint, $4::bigint) s`,
    [groupId, authorId, from, to],
  );
  await db.query(`UPDATE groups SET last_seq = $2 WHERE id = $1`, [groupId, to]);
  await db.query(`ANALYZE messages`);
}

async function measure(groupId: string, token: string, total: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < READS + 20; i++) {
    // Anywhere in the history: the newest page, the oldest, and in between.
    const before = 51 + Math.floor(Math.random() * (total - 50));
    const started = performance.now();
    const res = await fetch(
      `http://127.0.0.1:${PORT}/api/groups/${groupId}/messages?before=${before}&limit=50`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const body = (await res.json()) as { items: unknown[] };
    if (res.status !== 200 || body.items.length !== 50) throw new Error(`bad page: ${res.status}`);
    if (i >= 20) times.push(performance.now() - started);
  }
  return median(times);
}

async function main(): Promise<void> {
  const database = `kintsugi_bench_history_${process.pid}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  await prepareDatabase(url.toString());
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  let api: ChildProcess | undefined;
  try {
    const [{ id: userId }] = (
      await db.query(
        `INSERT INTO users (handle, journey_role) VALUES ('bench-reader', 'betrayed') RETURNING id`,
      )
    ).rows;
    const [{ id: groupId }] = (
      await db.query(
        `INSERT INTO groups (name, description, audience, member_count, guidelines)
         VALUES ('Bench', 'bench', 'betrayed', 1, 'be kind') RETURNING id`,
      )
    ).rows;
    await db.query(`INSERT INTO memberships (group_id, user_id) VALUES ($1, $2)`, [
      groupId,
      userId,
    ]);
    const token = new JwtService({ secret: SECRET }).sign(
      { sub: userId },
      { algorithm: 'HS256', expiresIn: 900 },
    );

    api = fork(join(ROOT, 'apps/api/src/main.ts'), [], {
      cwd: ROOT,
      execArgv: ['-r', '@swc-node/register'],
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(PORT),
        DATABASE_URL: url.toString(),
        REDIS_PREFIX: `bench-h-${process.pid}`,
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
        RUN_WORKERS: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`http://127.0.0.1:${PORT}/health/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(100);
    }

    await fill(db, groupId, userId, 1, 10_000);
    const small = await measure(groupId, token, 10_000);
    const started = performance.now();
    await fill(db, groupId, userId, 10_001, 1_000_000);
    console.log(
      `bulk insert of 990,000 messages: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const large = await measure(groupId, token, 1_000_000);
    const plan = (
      await db.query(
        `EXPLAIN SELECT id FROM messages WHERE group_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 51`,
        [groupId, 500_000],
      )
    ).rows
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join(' | ');
    console.log(`plan: ${plan}`);
    console.log(`50-message page, median of ${READS} reads over HTTP at random depths:`);
    console.log(`  10,000 messages:    ${small.toFixed(2)} ms`);
    console.log(`  1,000,000 messages: ${large.toFixed(2)} ms`);
    console.log(`  ratio: ${(large / small).toFixed(2)}× (target: within 2×)`);
  } finally {
    api?.kill('SIGTERM');
    await db.end();
    await sleep(500);
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
