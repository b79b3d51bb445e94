/**
 * Screening latency: from a message's commit to its review item, under a
 * steady 50 messages/s.
 * Run: node -r @swc-node/register bench/screening.bench.ts
 * It starts the API with its workers in this process (single-machine mode,
 * as `npm start` runs) on a throwaway database (created, migrated, dropped
 * at the end) and its own Redis prefix; sets up 5 groups of 4 members over
 * HTTP; then for 40 s posts 50 messages/s over REST, one in five of them
 * something the screeners must catch (crisis, phone number, threat, abuse)
 * and the rest ordinary. Latency is the item's creation minus the message's
 * (both stamped by this host: the message row's transaction, the screening
 * job's insert), so it covers the outbox relay, BullMQ, the screeners and
 * the item's write. Bounded: 2000 messages, about a minute on 2 cores.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { benchHandle, percentile, runBench, withThrowawayApi } from './support/throwaway-api';

const RATE = 50;
const SECONDS = 40;
const GROUPS = 5;
const MEMBERS = 4;
const ADMIN = { handle: 'bench-admin', password: 'bench-admin-password' };
const FLAGGED = [
  "I want to end my life tonight, I can't do this anymore",
  'call me on 07700 900123 any time',
  'I am going to kill him when I see him tomorrow',
  'you are a worthless idiot and everyone hates you',
];
const ORDINARY = [
  'We had a calmer week, thank you all for listening',
  'Some days are better than others, and today was a good one',
  'I tried the breathing exercise before our talk and it helped',
  'Thinking of everyone here tonight',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call<T = { id: string; accessToken: string }>(
  url: string,
  path: string,
  token: string | null,
  body?: object,
): Promise<T> {
  const res = await fetch(url + path, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

async function setUp(url: string): Promise<{ groupId: string; tokens: string[] }[]> {
  const admin = (await call(url, '/api/auth/login', null, ADMIN)).accessToken;
  const groups = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = await call(url, '/api/groups', admin, {
      name: `Bench circle ${g}`,
      description: 'A benchmark group',
      audience: 'betrayed',
    });
    const tokens: string[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const { accessToken } = await call(url, '/api/auth/register', null, {
        handle: benchHandle(),
        password: 'a-long-enough-password',
        journeyRole: 'betrayed',
      });
      await call(url, `/api/groups/${group.id}/join`, accessToken, { acceptGuidelines: true });
      tokens.push(accessToken);
    }
    groups.push({ groupId: group.id, tokens });
  }
  return groups;
}

async function run(url: string, db: DataSource): Promise<void> {
  const groups = await setUp(url);
  const flaggedIds = new Set<string>();
  const sends: Promise<void>[] = [];
  const total = RATE * SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    // Paced against the start, so a slow send does not slow the rate.
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const group = groups[i % GROUPS];
    const flagged = i % 5 === 0;
    const body = flagged ? FLAGGED[(i / 5) % FLAGGED.length] : ORDINARY[i % ORDINARY.length];
    const token = group.tokens[Math.floor(i / GROUPS) % MEMBERS];
    sends.push(
      call(url, `/api/groups/${group.groupId}/messages`, token, {
        body: `${body} (${i})`,
        clientId: randomUUID().replace(/-/g, ''),
      }).then((message) => {
        if (flagged) flaggedIds.add(message.id);
      }),
    );
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - started) / 1000;

  const deadline = Date.now() + 30_000;
  let rows: { message_id: string; ms: number }[] = [];
  while (Date.now() < deadline) {
    rows = await db.query(
      `SELECT ri.message_id, extract(epoch FROM ri.created_at - m.created_at) * 1000 AS ms
       FROM review_items ri JOIN messages m ON m.id = ri.message_id`,
    );
    if (rows.length >= flaggedIds.size) break;
    await sleep(250);
  }
  const latencies = rows.filter((r) => flaggedIds.has(r.message_id)).map((r) => Number(r.ms));
  const extra = rows.filter((r) => !flaggedIds.has(r.message_id)).length;
  console.log(
    `sent ${total} messages in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(1)}/s), ${flaggedIds.size} to be caught`,
  );
  console.log(
    `review items: ${latencies.length}/${flaggedIds.size} caught, ${extra} on ordinary messages`,
  );
  console.log(
    `commit → review item: p50=${percentile(latencies, 50).toFixed(0)} ms  p95=${percentile(latencies, 95).toFixed(0)} ms  p99=${percentile(latencies, 99).toFixed(0)} ms  max=${Math.max(...latencies).toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  await withThrowawayApi(
    'screening',
    {
      RUN_WORKERS: 'true',
      ADMIN_HANDLE: ADMIN.handle,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_REGISTER: '1000000/1m',
      RATE_LIMIT_SEND: '1000000/10s',
    },
    (url, app) => run(url, app.get(DataSource)),
  );
}

runBench(main);
