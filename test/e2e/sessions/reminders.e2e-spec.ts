import { randomUUID } from 'node:crypto';
import { Mailer } from '../../../libs/notifications/src/mailer.service';
import { startApp, TestApp } from '../../support/app';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { closeAll, collect, ClientSocket, socketFor } from '../../support/sockets';

const GROUP_NAME = 'Healing After Betrayal Circle';
const FORBIDDEN = new RegExp(`infidel|affair|betray|cheat|unfaithful|adulter|${GROUP_NAME}`, 'i');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

interface NotificationBody {
  kind: string;
  payload: { sessionId: string; startsAt: string; offset?: string; previousStartsAt?: string };
}

/** Reminders with offsets of seconds (REMINDER_OFFSETS=3s,1s), end to end through the real queues. */
describe('session reminders', () => {
  let t: TestApp;
  let admin: Member;
  let moderator: Member;
  let going: Member;
  let silent: Member;
  let notGoing: Member;
  let groupId: string;
  let sent: jest.SpyInstance;
  let sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await startApp({ REMINDER_OFFSETS: '3s,1s' });
    admin = await loginAdmin(t);
    [moderator, going, silent, notGoing] = await Promise.all([
      registerMember(t, 'betrayed', { email: `mod-${randomUUID()}@mail.example` }),
      registerMember(t, 'betrayed', { email: `going-${randomUUID()}@mail.example` }),
      registerMember(t, 'betrayed', { email: `silent-${randomUUID()}@mail.example` }),
      registerMember(t, 'betrayed', { email: `no-${randomUUID()}@mail.example` }),
    ]);
    groupId = (await createGroup(admin, 'betrayed', { name: GROUP_NAME })).id;
    for (const m of [moderator, going, silent, notGoing]) await joinGroup(m, groupId);
    await admin.post(`/api/groups/${groupId}/moderators`).send({ userId: moderator.id });
    sent = jest.spyOn(t.app.get(Mailer), 'send');
  });
  afterEach(() => {
    closeAll(...sockets);
    sockets = [];
  });
  afterAll(() => t.close());

  async function remindersOf(member: Member, sessionId: string): Promise<NotificationBody[]> {
    const res = await member.get('/api/notifications');
    return res.body.items.filter(
      (n: NotificationBody) => n.kind === 'session_reminder' && n.payload.sessionId === sessionId,
    );
  }

  async function schedule(startsInMs: number): Promise<{ id: string; startsAt: string }> {
    const res = await moderator
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt: soon(startsInMs), durationMinutes: 30 });
    expect(res.status).toBe(201);
    return res.body.items[0];
  }

  it('reminds every member once per offset (moderator and silent included), never not_going, pushed and e-mailed discreetly', async () => {
    const socket = await socketFor(t, silent);
    sockets.push(socket);
    const pushed = collect(socket, 'notification');
    const session = await schedule(6000);
    await going.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });
    await notGoing.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'not_going' });
    await sleep(Date.parse(session.startsAt) - Date.now() + 500);

    for (const member of [moderator, going, silent]) {
      const reminders = await remindersOf(member, session.id);
      expect(reminders.map((n) => n.payload.offset).sort()).toEqual(['1s', '3s']);
      expect(reminders[0].payload).toEqual({
        sessionId: session.id,
        groupId,
        startsAt: session.startsAt,
        offset: reminders[0].payload.offset,
      });
    }
    expect(await remindersOf(notGoing, session.id)).toEqual([]);
    expect(await remindersOf(admin, session.id)).toEqual([]);
    expect(pushed.filter((n: NotificationBody) => n.payload.sessionId === session.id).length).toBe(
      2,
    );

    const mails = sent.mock.calls.map(([email]) => email);
    for (const member of [moderator, going, silent]) {
      const address = (await member.get('/api/me')).body.email;
      expect(mails.filter((m) => m.to === address)).toHaveLength(2);
    }
    const notGoingAddress = (await notGoing.get('/api/me')).body.email;
    expect(mails.filter((m) => m.to === notGoingAddress)).toHaveLength(0);
    for (const result of sent.mock.results) {
      const raw = (await result.value).message.toString();
      expect(raw).not.toMatch(FORBIDDEN);
    }
    expect(mails.map((m) => m.subject)).toContain('Your group meets in 3 seconds');
  }, 20_000);

  it('sends nothing for a session cancelled before its reminders, and tells who answered', async () => {
    const session = await schedule(5000);
    await going.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });
    await notGoing.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'not_going' });
    expect((await moderator.delete(`/api/sessions/${session.id}`)).status).toBe(204);
    await sleep(Date.parse(session.startsAt) - Date.now() + 500);
    for (const member of [moderator, going, silent, notGoing])
      expect(await remindersOf(member, session.id)).toEqual([]);
    const told = async (member: Member) =>
      (await member.get('/api/notifications')).body.items.filter(
        (n: NotificationBody) =>
          n.kind === 'session_cancelled' && n.payload.sessionId === session.id,
      );
    expect(await told(going)).toHaveLength(1);
    expect(await told(notGoing)).toHaveLength(1);
    expect(await told(silent)).toHaveLength(0);
  }, 20_000);

  it('reminds a moved session at its new times only, and tells who said going', async () => {
    const session = await schedule(5000);
    await going.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });
    const startsAt = soon(9000);
    const moved = await moderator.patch(`/api/sessions/${session.id}`).send({ startsAt });
    expect(moved.status).toBe(200);
    await sleep(Date.parse(startsAt) - Date.now() + 500);
    for (const member of [moderator, going, silent]) {
      const reminders = await remindersOf(member, session.id);
      expect(reminders.map((n) => n.payload.startsAt)).toEqual([startsAt, startsAt]);
    }
    const rescheduled = (await going.get('/api/notifications')).body.items.filter(
      (n: NotificationBody) =>
        n.kind === 'session_rescheduled' && n.payload.sessionId === session.id,
    );
    expect(rescheduled).toHaveLength(1);
    expect(rescheduled[0].payload).toEqual({
      sessionId: session.id,
      groupId,
      startsAt,
      previousStartsAt: session.startsAt,
    });
    expect(
      (await silent.get('/api/notifications')).body.items.filter(
        (n: NotificationBody) => n.kind === 'session_rescheduled',
      ),
    ).toEqual([]);
  }, 20_000);

  it('skips offsets already past when the session is created', async () => {
    const session = await schedule(2000);
    await sleep(2500);
    for (const member of [moderator, going, silent]) {
      const reminders = await remindersOf(member, session.id);
      expect(reminders.map((n) => n.payload.offset)).toEqual(['1s']);
    }
  }, 20_000);
});
