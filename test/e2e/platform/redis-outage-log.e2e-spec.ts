import { createTestDatabase, dropTestDatabase } from '../../support/app';
import { eventually } from '../../support/eventually';
import { PrivateRedis } from '../../support/redis-server';
import { OutputLine, spawnWorker, WorkerProcess } from '../../support/worker-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const WARN = 40;
const isOutage = (line: OutputLine) => /Redis is unreachable/.test(line.json?.msg ?? '');
const isRecovery = (line: OutputLine) => /Redis is reachable again/.test(line.json?.msg ?? '');

/**
 * What an operator reads while Redis is down: BullMQ raises an error on every
 * reconnect attempt of every worker and queue (several a second), and prints
 * each to the console when nobody listens. One structured warning when the
 * outage starts and one line when it ends say the same.
 */
describe('the worker app through a Redis outage', () => {
  let redis: PrivateRedis;
  let database: string;
  let worker: WorkerProcess;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    database = await createTestDatabase();
    worker = await spawnWorker(database, { REDIS_URL: redis.url });
  });

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await redis.stop();
    await dropTestDatabase(database);
  });

  it('logs the outage once as a pino warning and its end once, and nothing to the console', async () => {
    const before = worker.lines().length;
    await redis.stop();
    await sleep(5000);
    const during = worker.lines().slice(before);
    expect(during.filter((line) => line.json === null).map((line) => line.text)).toEqual([]);
    expect(during.filter((line) => (line.json?.level ?? 0) >= WARN).map((l) => l.json)).toEqual([
      expect.objectContaining({ level: WARN, msg: expect.stringMatching(/Redis is unreachable/) }),
    ]);

    await redis.resume();
    await eventually(() => worker.lines().some(isRecovery), 30_000);
    await sleep(1000);
    await worker.stop();
    const all = worker.lines().slice(before);
    expect(all.filter((line) => line.json === null).map((line) => line.text)).toEqual([]);
    expect(all.filter(isOutage)).toHaveLength(1);
    expect(all.filter(isRecovery)).toHaveLength(1);
    expect(all.filter((line) => (line.json?.level ?? 0) >= WARN)).toHaveLength(1);
    expect(await worker.exited).toBe(0);
  }, 90_000);
});
