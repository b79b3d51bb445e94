import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES } from '@kintsugi/platform';
import { CheckInScreeningService } from '@kintsugi/checkins';
import { startApp, TestApp } from '../../support/app';
import { eventually } from '../../support/eventually';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { expectNoEvent, nextEvent, trackSockets } from '../../support/sockets';

const SCALES = { safety: 1, honesty: 2, communication: 1, selfCare: 1, hope: 1 };
const CRISIS = "I want to end my life tonight, I can't do this anymore";
const CLEAN = 'We talked on Sunday without shouting. Small steps.';
// What would make a message hidden or a review item: in a note it concerns nobody else.
const PHONE_AND_ABUSE = 'call me on 07700 900123, you worthless idiot';

/**
 * A check-in note is screened for crisis only, and a crisis reaches its author and nobody else:
 * no review item, no alert, nothing in any moderator's or admin's queue or notifications.
 */
describe('check-in notes and crisis', () => {
  let t: TestApp;
  let db: DataSource;
  let queue: Queue;
  let admin: Member;
  let moderator: Member;
  let author: Member;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    queue = t.app.get<Queue>(getQueueToken(QUEUES.checkins), { strict: false });
    admin = await loginAdmin(t);
    // The author is in a moderated group, so that a moderator who could be told exists.
    const group = await createGroup(admin);
    [moderator, author] = [await registerMember(t), await registerMember(t)];
    await joinGroup(moderator, group.id);
    await joinGroup(author, group.id);
    const promoted = await admin
      .post(`/api/groups/${group.id}/moderators`)
      .send({ userId: moderator.id });
    expect(promoted.status).toBe(201);
  });
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.close();
  });

  const screened = (checkInId: string) =>
    eventually(async () => (await queue.getJob(`checkin-screen-${checkInId}`))?.isCompleted());
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params))[0].n);

  it('sends the author crisis_resources for a crisis note, and opens no review item and alerts no moderator or admin', async () => {
    const [authorSocket, modSocket, adminSocket] = await Promise.all([
      sockets.connect(t, author),
      sockets.connect(t, moderator),
      sockets.connect(t, admin),
    ]);
    const resources = nextEvent(authorSocket, 'notification', (n) => n.kind === 'crisis_resources');
    const started = Date.now();
    const made = await author.post('/api/me/checkins').send({ ...SCALES, note: CRISIS });
    expect(made.status).toBe(201);

    const notification = await resources;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(notification).toEqual({
      id: expect.any(String),
      kind: 'crisis_resources',
      payload: {
        messageId: null,
        checkInId: made.body.id,
        resources: expect.arrayContaining([expect.objectContaining({ name: 'Samaritans' })]),
      },
      createdAt: expect.any(String),
      readAt: null,
    });
    await Promise.all([
      expectNoEvent(modSocket, 'moderation:alert', 1000),
      expectNoEvent(adminSocket, 'moderation:alert', 1000),
      expectNoEvent(modSocket, 'notification', 1000),
      expectNoEvent(adminSocket, 'notification', 1000),
    ]);
    expect(await count(`SELECT count(*) AS n FROM review_items`)).toBe(0);
    for (const reader of [moderator, admin]) {
      const queueNow = await reader.get('/api/moderation/queue');
      expect(queueNow.status).toBe(200);
      expect(queueNow.body.items).toEqual([]);
      expect((await reader.get('/api/notifications')).body.items).toEqual([]);
    }
    // The job and the outbox carried the id only: the note never left the checkins table.
    const outbox = await db.query(`SELECT payload FROM outbox WHERE job_name = 'screen-checkin'`);
    expect(JSON.stringify(outbox)).not.toContain('end my life');
    expect((await queue.getJob(`checkin-screen-${made.body.id}`))?.data).toEqual({
      checkInId: made.body.id,
    });

    // A retried job tells the author nothing new.
    await t.app.get(CheckInScreeningService).screen(made.body.id);
    const own = await author.get('/api/notifications');
    expect(
      own.body.items.filter((n: { kind: string }) => n.kind === 'crisis_resources'),
    ).toHaveLength(1);
  });

  it('sends nothing for a clean note, nor for personal details or abuse, and no review item either', async () => {
    for (const note of [CLEAN, PHONE_AND_ABUSE]) {
      const member = await registerMember(t);
      const made = await member.post('/api/me/checkins').send({ ...SCALES, note });
      await screened(made.body.id);
      expect((await member.get('/api/notifications')).body.items).toEqual([]);
    }
    expect(await count(`SELECT count(*) AS n FROM review_items`)).toBe(0);
  });

  it('writes no screening job for a check-in without a note, or with only white space (stored as no note)', async () => {
    const member = await registerMember(t);
    const made = await member.post('/api/me/checkins').send({ ...SCALES, note: '  \n ' });
    expect(made.body.note).toBeNull();
    expect(
      await count(`SELECT count(*) AS n FROM outbox WHERE job_id = $1`, [
        `checkin-screen-${made.body.id}`,
      ]),
    ).toBe(0);
  });

  it('screens nothing once the check-in is deleted before its job runs', async () => {
    const member = await registerMember(t);
    // Recorded and deleted inside one worker pause: the job finds no check-in and does nothing.
    await queue.pause();
    try {
      const made = await member.post('/api/me/checkins').send({ ...SCALES, note: CRISIS });
      expect((await member.delete(`/api/me/checkins/${made.body.id}`)).status).toBe(204);
      await eventually(async () => queue.getJob(`checkin-screen-${made.body.id}`));
      await queue.resume();
      await screened(made.body.id);
    } finally {
      await queue.resume();
    }
    expect((await member.get('/api/notifications')).body.items).toEqual([]);
  });
});
