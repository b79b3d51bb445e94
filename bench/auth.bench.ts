/**
 * Registration and login latency, and the argon2id parameters behind them.
 * Run: node -r @swc-node/register bench/auth.bench.ts
 * It starts the API in this process on a throwaway database (created,
 * migrated, dropped at the end) and its own Redis prefix, with the workers off
 * and the abuse limits out of the way; then, over HTTP on 127.0.0.1, times
 * 200 sequential and 20 concurrent registrations, then as many logins.
 * Bounded: 440 requests, a few seconds on 2 cores.
 */
import { ARGON2_PARAMS } from '@kintsugi/identity';
import { benchHandle, percentile, runBench, withThrowawayApi } from './support/throwaway-api';

const SEQUENTIAL = 200;
const CONCURRENT = 20;
const PASSWORD = 'a-long-enough-password';

const summary = (label: string, ms: number[]) =>
  `${label.padEnd(28)} n=${String(ms.length).padEnd(4)} p50=${percentile(ms, 50).toFixed(1).padStart(6)} ms  p99=${percentile(ms, 99).toFixed(1).padStart(6)} ms`;

async function timed(url: string, path: string, body: object): Promise<number> {
  const started = performance.now();
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const elapsed = performance.now() - started;
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return elapsed;
}

async function run(url: string): Promise<void> {
  const handles = Array.from({ length: SEQUENTIAL + CONCURRENT }, () => benchHandle());
  const register = (handle: string) =>
    timed(url, '/api/auth/register', { handle, password: PASSWORD, journeyRole: 'betrayed' });
  const login = (handle: string) => timed(url, '/api/auth/login', { handle, password: PASSWORD });

  // A few warm-up calls so JIT and connection pools do not count.
  for (let i = 0; i < 5; i++) await register(benchHandle());

  const regSeq: number[] = [];
  for (const handle of handles.slice(0, SEQUENTIAL)) regSeq.push(await register(handle));
  const regPar = await Promise.all(handles.slice(SEQUENTIAL).map(register));
  const loginSeq: number[] = [];
  for (const handle of handles.slice(0, SEQUENTIAL)) loginSeq.push(await login(handle));
  const loginPar = await Promise.all(handles.slice(0, CONCURRENT).map(login));

  const { type, ...params } = ARGON2_PARAMS;
  console.log(
    `argon2id (type ${type}): memoryCost=${params.memoryCost} KiB (${(params.memoryCost / 1024).toFixed(0)} MiB), timeCost=${params.timeCost}, parallelism=${params.parallelism}`,
  );
  console.log(summary('register, sequential', regSeq));
  console.log(summary(`register, ${CONCURRENT} concurrent`, regPar));
  console.log(summary('login, sequential', loginSeq));
  console.log(summary(`login, ${CONCURRENT} concurrent`, loginPar));
}

async function main(): Promise<void> {
  const given = process.argv[2];
  if (given) return run(given.replace(/\/$/, ''));
  await withThrowawayApi(
    'auth',
    { RUN_WORKERS: 'false', RATE_LIMIT_LOGIN: '1000000/1m', RATE_LIMIT_REGISTER: '1000000/1m' },
    (url) => run(url),
  );
}

runBench(main);
