/**
 * Cold start of the built API to ready, and its resident memory when idle.
 * Run: npm run build:server && node -r @swc-node/register bench/cold-start.bench.ts
 * Each round starts `node dist/apps/api/src/main.js` against a database that
 * does not exist yet (so the time includes creating and migrating it), then
 * again against the migrated one, and reads VmRSS after 5 s of idling.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { median } from './support/stats';

const ROOT = join(__dirname, '..');
const ENTRY = join(ROOT, 'dist/apps/api/src/main.js');
const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = 3;
const PORT = 3917;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timeToReady(database: string): Promise<{ ms: number; rssMb: number }> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(PORT),
      DATABASE_URL: url.toString(),
      REDIS_PREFIX: `bench-${database}`,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(50);
    }
    const ms = performance.now() - started;
    await sleep(5000);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  if (!existsSync(ENTRY)) throw new Error('Build first: npm run build:server');
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const fresh: number[] = [];
  const warm: number[] = [];
  const rss: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const database = `kintsugi_bench_cold_${process.pid}_${round}`;
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      const first = await timeToReady(database);
      const second = await timeToReady(database);
      fresh.push(first.ms);
      warm.push(second.ms);
      rss.push(second.rssMb);
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  console.log(
    `cold start to /health/ready, new database (create + migrate): median ${median(fresh).toFixed(0)} ms  [${fresh.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `cold start to /health/ready, migrated database: median ${median(warm).toFixed(0)} ms  [${warm.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `resident memory when idle (VmRSS after 5 s): median ${median(rss).toFixed(1)} MiB  [${rss.map((v) => v.toFixed(1)).join(', ')}]`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
