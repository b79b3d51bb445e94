import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES, redisOptions } from '@kintsugi/platform';
import { startApp, TestApp, testEnvVars } from '../../support/app';
import { loginAdmin } from '../../support/members';
import { RunningProcess, spawnApp } from '../../support/processes';
import { freePort } from '../../support/redis-server';
import { eventually } from '../../support/eventually';
import { Circle, moderatedGroup, post, sleep } from './moderation.fixture';

const CRISIS = "I want to end my life tonight, I can't do this anymore";
const MESSAGES = 120;

/** DESIGN.md invariant 4 at process level: a worker killed mid-screening, then another, leaves one item per message. */
describe('screening through a worker crash', () => {
  let t: TestApp;
  let circle: Circle;
  let queue: Queue;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    // The API only writes outbox rows; the spawned workers relay and screen them.
    t = await startApp({ RUN_WORKERS: 'false' });
    circle = await moderatedGroup(t, await loginAdmin(t), 'betrayed', 1);
    queue = new Queue(QUEUES.moderation, {
      connection: redisOptions(t.env.REDIS_URL),
      prefix: `${t.env.REDIS_PREFIX}-bull`,
    });
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await queue.close();
    await t.close();
  });

  const worker = () => {
    const database = new URL(t.env.DATABASE_URL).pathname.slice(1);
    const running = spawnApp('apps/worker/src/main.ts', {
      ...testEnvVars(database),
      REDIS_PREFIX: t.env.REDIS_PREFIX,
    });
    workers.push(running);
    return running;
  };

  const counts = async (): Promise<{ items: number; perMessageMax: number; notices: number }> => {
    const [row] = await t.app.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM review_items WHERE group_id = $1) AS items,
              (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM review_items
                 WHERE group_id = $1 GROUP BY message_id) c) AS "perMessageMax",
              (SELECT count(*)::int FROM notifications WHERE kind = 'crisis_resources') AS notices`,
      [circle.groupId],
    );
    return row;
  };

  it('leaves exactly one review item and one crisis notification per message after SIGKILL and a restart', async () => {
    const author = circle.members[0];
    for (let i = 0; i < MESSAGES; i++) await post(author, circle.groupId, `${CRISIS} (${i})`);
    const [{ unsent }] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS unsent FROM outbox WHERE queue = 'moderation' AND sent_at IS NULL`,
      );
    expect(unsent).toBe(MESSAGES);

    const first = worker();
    // Kill it while it is screening: jobs active and some items already written.
    await eventually(
      async () => (await counts()).items > 0 && (await queue.getActiveCount()) > 0,
      30_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const afterKill = await counts();
    expect(afterKill.items).toBeLessThan(MESSAGES);

    worker();
    await eventually(
      async () => (await counts()).items === MESSAGES && (await queue.getActiveCount()) === 0,
      45_000,
    );
    await sleep(500);
    expect(await counts()).toEqual({ items: MESSAGES, perMessageMax: 1, notices: MESSAGES });
    expect(await queue.getFailedCount()).toBe(0);
  }, 120_000);

  it('refuses to start with a malformed CRISIS_RESOURCES, naming it and exiting non-zero', async () => {
    const database = new URL(t.env.DATABASE_URL).pathname.slice(1);
    const api = spawnApp('apps/api/src/main.ts', {
      ...testEnvVars(database),
      PORT: String(await freePort()),
      CRISIS_RESOURCES: '[{"name":"only a name"}]',
    });
    workers.push(api);
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(/CRISIS_RESOURCES must be a JSON list/);
    expect(api.output()).not.toContain('only a name');
  }, 60_000);
});
