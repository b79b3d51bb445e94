import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QUEUES, redisOptions } from '@kintsugi/platform';
import { SessionsReconciler } from '@kintsugi/sessions';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { startApp, TestApp } from '../../support/app';
import { eventually } from '../../support/eventually';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { PrivateRedis } from '../../support/redis-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * DESIGN.md invariants 4 and 5 through a Redis loss and a second worker, on a
 * private redis-server (the shared one is never flushed).
 */
describe('reminder jobs survive a Redis flush and a second worker', () => {
  let redis: PrivateRedis;
  let flusher: Redis;
  let t: TestApp;
  let secondWorker: INestApplicationContext | undefined;
  let reminders: Queue;
  let admin: Member;
  let members: Member[];
  let groupId: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    flusher = new Redis(redis.url);
    t = await startApp({
      REDIS_URL: redis.url,
      REMINDER_OFFSETS: '4s,2s',
      RECONCILE_INTERVAL: '1s',
    });
    reminders = new Queue(QUEUES.reminders, {
      connection: redisOptions(redis.url),
      prefix: `${t.env.REDIS_PREFIX}-bull`,
    });
    admin = await loginAdmin(t);
    members = await Promise.all([1, 2, 3].map(() => registerMember(t, 'betrayed')));
    groupId = (await createGroup(admin, 'betrayed')).id;
    for (const m of members) await joinGroup(m, groupId);
  });

  afterAll(async () => {
    await secondWorker?.close();
    await reminders.close();
    await t.close();
    flusher.disconnect();
    await redis.stop();
  });

  async function remindersOf(member: Member, sessionId: string): Promise<string[]> {
    const res = await member.get('/api/notifications');
    return res.body.items
      .filter(
        (n: { kind: string; payload: { sessionId: string } }) =>
          n.kind === 'session_reminder' && n.payload.sessionId === sessionId,
      )
      .map((n: { payload: { offset: string } }) => n.payload.offset)
      .sort();
  }

  it('restores the pending jobs after FLUSHALL, and two workers still remind each member once per offset', async () => {
    const res = await admin
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt: new Date(Date.now() + 9000).toISOString(), durationMinutes: 30 });
    const session = res.body.items[0];
    const startsMs = Date.parse(session.startsAt);
    const jobId = `reminder-${session.id}-2s-${startsMs}`;
    await eventually(() => reminders.getJob(jobId), 10_000);

    await flusher.flushall();
    expect(await reminders.getJob(jobId)).toBeUndefined();

    // A second worker on the same database and prefix: its start runs the reconciler.
    secondWorker = await NestFactory.createApplicationContext(WorkerModule.register(t.env), {
      logger: false,
    });
    await secondWorker.init();
    const restored = await eventually(() => reminders.getJob(jobId), 10_000);
    expect(restored.data).toEqual({
      sessionId: session.id,
      startsAt: session.startsAt,
      offset: '2s',
    });
    expect(await reminders.getJob(`reminder-${session.id}-4s-${startsMs}`)).toBeDefined();
    // Both reconcilers keep re-adding the same ids every second meanwhile (RECONCILE_INTERVAL=1s).
    await t.app.get(SessionsReconciler).reconcile();

    await sleep(startsMs - Date.now() + 700);
    for (const member of members)
      expect(await remindersOf(member, session.id)).toEqual(['2s', '4s']);
  }, 30_000);

  it('does not re-fire a reminder that went out before the flush', async () => {
    const res = await admin
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt: new Date(Date.now() + 7000).toISOString(), durationMinutes: 30 });
    const session = res.body.items[0];
    const startsMs = Date.parse(session.startsAt);
    await sleep(startsMs - 4000 - Date.now() + 800);
    expect(await remindersOf(members[0], session.id)).toEqual(['4s']);
    await flusher.flushall();
    await t.app.get(SessionsReconciler).reconcile();
    await sleep(startsMs - Date.now() + 700);
    for (const member of members)
      expect(await remindersOf(member, session.id)).toEqual(['2s', '4s']);
  }, 30_000);
});
