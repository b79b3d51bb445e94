import { DataSource } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { CheckInRemindersService } from '@kintsugi/checkins';
import { startApp, TestApp } from '../../support/app';
import { Member, registerMember } from '../../support/members';
import { nextEvent, trackSockets } from '../../support/sockets';

const SCALES = { safety: 3, honesty: 3, communication: 3, selfCare: 3, hope: 3 };
const FORBIDDEN = /infidel|affair|betray|cheat|unfaithful|adulter|group/i;

/**
 * The opt-in weekly reminder: after a week without a check-in, once, in the member's daytime,
 * in-app only. The sweep is called directly with the clock set, as the worker calls it every
 * few minutes.
 */
describe('weekly check-in reminders', () => {
  let t: TestApp;
  let clock: Clock;
  let reminders: CheckInRemindersService;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp();
    clock = t.app.get(Clock);
    reminders = t.app.get(CheckInRemindersService);
  });
  afterEach(() => {
    sockets.closeAll();
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.close();
  });

  const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const remindersOf = async (member: Member) =>
    (await member.get('/api/notifications')).body.items.filter(
      (n: { kind: string }) => n.kind === 'checkin_reminder',
    );
  const optIn = async (member: Member, iso: string) => {
    at(iso);
    expect((await member.put('/api/me/checkins/reminder').send({ weekly: true })).status).toBe(200);
  };

  it('reminds a member who opted in after a quiet week, once, live on their socket, with nothing in it that names the subject', async () => {
    const ana = await registerMember(t);
    await optIn(ana, '2031-03-03T10:00:00Z');
    at('2031-03-09T12:00:00Z');
    await reminders.sweep();
    expect(await remindersOf(ana)).toEqual([]);

    const socket = await sockets.connect(t, ana);
    const live = nextEvent(socket, 'notification', (n) => n.kind === 'checkin_reminder');
    at('2031-03-10T12:00:00Z');
    await Promise.all([reminders.sweep(), reminders.sweep()]);
    await reminders.sweep();
    const stored = await remindersOf(ana);
    expect(stored).toEqual([
      {
        id: expect.any(String),
        kind: 'checkin_reminder',
        payload: { dueOn: '2031-03-10' },
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    expect(await live).toEqual(stored[0]);
    expect(JSON.stringify(stored)).not.toMatch(FORBIDDEN);

    // The next one is a week after this one, not every sweep after it.
    at('2031-03-16T12:00:00Z');
    await reminders.sweep();
    expect(await remindersOf(ana)).toHaveLength(1);
    at('2031-03-17T12:00:00Z');
    await reminders.sweep();
    expect(await remindersOf(ana)).toHaveLength(2);
  });

  it('does not remind a member who checked in during the week, nor one who switched it off, nor one who never switched it on', async () => {
    const [busy, stopped, never] = [
      await registerMember(t),
      await registerMember(t),
      await registerMember(t),
    ];
    await optIn(busy, '2031-04-01T10:00:00Z');
    await optIn(stopped, '2031-04-01T10:00:00Z');
    at('2031-04-05T10:00:00Z');
    await busy.post('/api/me/checkins').send(SCALES).expect(201);
    await stopped.put('/api/me/checkins/reminder').send({ weekly: false }).expect(200);

    at('2031-04-09T12:00:00Z');
    await reminders.sweep();
    for (const member of [busy, stopped, never]) expect(await remindersOf(member)).toEqual([]);
    // A week after the check-in, it is due.
    at('2031-04-12T12:00:00Z');
    await reminders.sweep();
    expect(await remindersOf(busy)).toHaveLength(1);
    expect(await remindersOf(stopped)).toEqual([]);
  });

  it('waits for the member’s own daytime', async () => {
    const kiri = await registerMember(t, 'betrayed', { timezone: 'Pacific/Auckland' });
    await optIn(kiri, '2031-05-01T00:00:00Z');
    // 15:00 UTC on the 8th is 03:00 on the 9th in Auckland: due, but asleep.
    at('2031-05-08T15:00:00Z');
    await reminders.sweep();
    expect(await remindersOf(kiri)).toEqual([]);
    at('2031-05-08T21:30:00Z');
    await reminders.sweep();
    expect((await remindersOf(kiri))[0]?.payload).toEqual({ dueOn: '2031-05-08' });
  });

  it('reminds an erased member of nothing', async () => {
    const gone = await registerMember(t);
    await optIn(gone, '2031-06-01T10:00:00Z');
    jest.restoreAllMocks();
    await gone.delete('/api/me').send({ password: gone.password }).expect(204);
    at('2031-06-20T12:00:00Z');
    await reminders.sweep();
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [gone.id]);
    expect(rows[0].n).toBe(0);
  });
});
