import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobSpec, OutboxRelay, OutboxService, QUEUES, redisOptions } from '@kintsugi/platform';
import { OutboxCompletions } from '../../../libs/platform/src/outbox/outbox-completions';
import { startApp, TestApp } from '../../support/app';
import { eventually } from '../../support/eventually';
import { expectError } from '../../support/expect-error';
import { PrivateRedis } from '../../support/redis-server';

/** DESIGN.md invariant 4 and the readiness probe, through a real Redis outage. */
describe('the outbox and readiness through a Redis outage', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // The relay runs with the workers. A probe is no real e-mail job: the e-mail
    // processor fails it for good, and a failed job stays in its queue to be read.
    t = await startApp({ REDIS_URL: redis.url, RUN_WORKERS: 'true' });
    queue = new Queue(QUEUES.email, {
      connection: redisOptions(redis.url),
      prefix: `${t.env.REDIS_PREFIX}-bull`,
    });
    queue.on('error', () => undefined);
  });

  /** Writes outbox rows in a transaction of their own, as a feature's commit does. */
  const write = (...jobs: JobSpec[]) =>
    t.app.get(DataSource).transaction((tx) => t.app.get(OutboxService).add(tx, ...jobs));

  afterAll(async () => {
    await queue.close();
    await t.close();
    await redis.stop();
  });

  it('is ready while PostgreSQL and Redis answer', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
  });

  it('relays a row written in a transaction to its queue with its job id', async () => {
    await write({
      queue: QUEUES.email,
      name: 'probe',
      jobId: 'probe-before-outage',
      data: { n: 1 },
    });
    const job = await eventually(() => queue.getJob('probe-before-outage'), 10_000);
    expect(job.name).toBe('probe');
    expect(job.data).toEqual({ n: 1 });
  });

  it('relays joinable rows waiting together as one job, carried by the first row', async () => {
    const db = t.app.get(DataSource);
    const probe = (n: number) => ({
      queue: QUEUES.email,
      name: 'probe-batch',
      jobId: `probe-batch-${n}`,
      data: { ids: [`a${n}`, `b${n}`] },
      joinable: true,
    });
    await write(probe(1), probe(2), probe(3));
    const rows = await eventually(async () => {
      const found: { job_id: string; payload: object; sent: boolean; done: boolean }[] =
        await db.query(
          `SELECT job_id, payload, sent_at IS NOT NULL AS sent, done_at IS NOT NULL AS done
           FROM outbox WHERE job_name = 'probe-batch' ORDER BY id`,
        );
      return found.every((r) => r.sent) && found;
    }, 10_000);
    const [carrier, ...absorbed] = rows;
    expect(carrier.job_id).toMatch(/^probe-batch-1-join-[0-9a-f]{12}$/);
    expect(carrier.payload).toEqual({ ids: ['a1', 'b1', 'a2', 'b2', 'a3', 'b3'] });
    expect(absorbed.map((r) => r.done)).toEqual([true, true]);
    const job = await eventually(() => queue.getJob(carrier.job_id), 10_000);
    expect(job.data).toEqual(carrier.payload);
    expect(await queue.getJob('probe-batch-2')).toBeUndefined();
  });

  it("marks a joined job's carrier done when the job finishes before the relay's commit renamed it", async () => {
    await write({
      queue: QUEUES.email,
      name: 'probe-carrier',
      jobId: 'probe-carrier-1',
      data: { n: 3 },
    });
    // The row still has the id it had before a pass joined it; the joined job reports its own.
    await t.app.get(OutboxCompletions).record(QUEUES.email, 'probe-carrier-1-join-0123456789ab');
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT done_at IS NOT NULL AS done FROM outbox WHERE job_id = 'probe-carrier-1'`);
    expect(row).toEqual({ done: true });
  });

  it('answers 503 naming Redis while it is down, keeps running, and delivers what was written meanwhile', async () => {
    await redis.stop();
    const notReady = await eventually(async () => {
      const res = await t.http().get('/health/ready');
      return res.status === 503 && res;
    }, 10_000);
    expectError(notReady, 503, 'UNAVAILABLE');
    expect(notReady.body.message).toMatch(/redis/);
    expect(notReady.body.message).not.toMatch(/postgres/);
    expect(notReady.body.details).toEqual([{ field: 'redis', problem: 'down' }]);
    expect((await t.http().get('/health')).status).toBe(200);

    const db = t.app.get(DataSource);
    await write({
      queue: QUEUES.email,
      name: 'probe',
      jobId: 'probe-during-outage',
      data: { n: 2 },
    });
    await t.app
      .get(OutboxRelay)
      .relayPending()
      .catch(() => undefined);
    const pending = await db.query(
      `SELECT sent_at FROM outbox WHERE job_id = 'probe-during-outage'`,
    );
    expect(pending).toEqual([{ sent_at: null }]);

    await redis.resume();
    const job = await eventually(() => queue.getJob('probe-during-outage'), 20_000);
    expect(job.data).toEqual({ n: 2 });
    await eventually(async () => (await t.http().get('/health/ready')).status === 200, 10_000);
    // The relay marks the row sent right after BullMQ took the job (the job can be seen first).
    await eventually(async () => {
      const [row] = await db.query(
        `SELECT sent_at FROM outbox WHERE job_id = 'probe-during-outage'`,
      );
      return row.sent_at !== null;
    }, 10_000);
  }, 60_000);
});
