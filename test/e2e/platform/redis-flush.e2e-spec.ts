import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUES, redisOptions } from '@kintsugi/platform';
import { startApp, TestApp } from '../../support/app';
import { eventually } from '../../support/eventually';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { PrivateRedis } from '../../support/redis-server';
import { spawnWorker, WorkerProcess } from '../../support/worker-process';
import { post, sleep } from '../moderation/moderation.fixture';

const CRISIS = "I want to end my life tonight, I can't do this anymore";
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * DESIGN.md invariant 4 through a Redis that loses its data: jobs already
 * relayed from the outbox (its rows marked sent) but not yet run are lost
 * with a FLUSHALL, and must still run exactly once; jobs that did run must not
 * run again. Real worker processes on a private redis-server; the API in the
 * test process only writes (RUN_WORKERS=false). Without SMTP_URL the worker
 * logs every e-mail it built with its notification id: those lines are the deliveries.
 */
describe('jobs that must follow a write, through a Redis flush', () => {
  let redis: PrivateRedis;
  let flusher: Redis;
  let t: TestApp;
  let db: DataSource;
  let emailQueue: Queue;
  let moderationQueue: Queue;
  let admin: Member;
  let ana: Member;
  let groupId: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    flusher = new Redis(redis.url);
    t = await startApp({ REDIS_URL: redis.url, RUN_WORKERS: 'false' });
    db = t.app.get(DataSource);
    const queueOptions = {
      connection: redisOptions(redis.url),
      prefix: `${t.env.REDIS_PREFIX}-bull`,
    };
    emailQueue = new Queue(QUEUES.email, queueOptions);
    moderationQueue = new Queue(QUEUES.moderation, queueOptions);
    admin = await loginAdmin(t);
    ana = await registerMember(t, 'betrayed', { email: `ana-${randomUUID()}@mail.example` });
    groupId = (await createGroup(admin, 'betrayed')).id;
    await joinGroup(ana, groupId);
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await emailQueue.close();
    await moderationQueue.close();
    await t.close();
    flusher.disconnect();
    await redis.stop();
  });

  const startWorker = async () => {
    const worker = await spawnWorker(t.database, { REDIS_URL: redis.url });
    workers.push(worker);
    return worker;
  };

  /** E-mails built for this notification, by every worker of the test. */
  const deliveries = (notificationId: string) =>
    workers.flatMap((w) => w.lines()).filter((line) => line.json?.reference === notificationId)
      .length;

  /** A session ana said she goes to, then cancelled: one session_cancelled e-mail owed to her. */
  async function cancelledSessionEmail(): Promise<string> {
    const scheduled = await admin
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt: inHours(2), durationMinutes: 30 });
    const sessionId = scheduled.body.items[0].id;
    const rsvp = await ana.post(`/api/sessions/${sessionId}/rsvp`).send({ status: 'going' });
    expect(rsvp.status).toBe(200);
    expect((await admin.delete(`/api/sessions/${sessionId}`)).status).toBe(204);
    const res = await ana.get('/api/notifications');
    const notification = res.body.items.find(
      (n: { kind: string; payload: { sessionId: string } }) =>
        n.kind === 'session_cancelled' && n.payload.sessionId === sessionId,
    );
    return notification.id;
  }

  const relayed = async (jobId: string) => {
    const [row] = await db.query(`SELECT sent_at FROM outbox WHERE job_id = $1`, [jobId]);
    return row?.sent_at != null;
  };

  const screeningOutcome = async (messageId: string) => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM review_items WHERE message_id = $1) AS items,
              (SELECT count(*)::int FROM notifications
                 WHERE kind = 'crisis_resources' AND payload->>'messageId' = $1::text) AS notices`,
      [messageId],
    );
    return row as { items: number; notices: number };
  };

  let delivered: string;

  it('runs an e-mail and a screening job that were relayed but lost with a FLUSHALL, once each, and never again what already ran', async () => {
    const first = await startWorker();
    delivered = await cancelledSessionEmail();
    await eventually(() => deliveries(delivered) === 1, 15_000);

    // Jobs relayed but not run: the queues are paused, so the worker takes nothing.
    await emailQueue.pause();
    await moderationQueue.pause();
    const owed = await cancelledSessionEmail();
    const message = await post(ana, groupId, CRISIS);
    await eventually(
      async () => (await relayed(`email-${owed}`)) && (await relayed(`screen-batch-${message.id}`)),
      15_000,
    );
    expect(await emailQueue.getJob(`email-${owed}`)).toBeDefined();
    expect(await moderationQueue.getJob(`screen-batch-${message.id}`)).toBeDefined();

    await first.stop();
    await flusher.flushall();
    expect(await emailQueue.getJob(`email-${owed}`)).toBeUndefined();

    await startWorker();
    await eventually(() => deliveries(owed) === 1, 20_000);
    await eventually(async () => (await screeningOutcome(message.id)).notices === 1, 20_000);
    await sleep(2000);
    expect(deliveries(owed)).toBe(1);
    expect(deliveries(delivered)).toBe(1);
    expect(await screeningOutcome(message.id)).toEqual({ items: 1, notices: 1 });
    // Nothing is owed any more: no later reconciler pass adds these jobs again.
    const stillOwed = await db.query(
      `SELECT job_id FROM outbox WHERE done_at IS NULL AND job_id = ANY($1)`,
      [[`email-${delivered}`, `email-${owed}`, `screen-batch-${message.id}`]],
    );
    expect(stillOwed).toEqual([]);
  }, 90_000);

  it('sends a notification’s e-mail once even when its job is queued again after it ran', async () => {
    // As when a relayed row is added again after BullMQ forgot the completed job.
    const again = await emailQueue.add(
      'notification-email',
      { notificationId: delivered },
      { jobId: `email-${delivered}-again` },
    );
    await eventually(async () => (await again.getState()) === 'completed', 15_000);
    await sleep(500);
    expect(deliveries(delivered)).toBe(1);
  }, 30_000);
});
