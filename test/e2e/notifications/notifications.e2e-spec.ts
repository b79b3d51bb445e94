import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RealtimeEmitter } from '@kintsugi/platform';
import { NotificationsService, NotifyInput } from '@kintsugi/notifications';
import { Mailer } from '../../../libs/notifications/src/mailer.service';
import { startApp, TestApp } from '../../support/app';
import { eventually } from '../../support/eventually';
import { expectError } from '../../support/expect-error';
import { Member, registerMember } from '../../support/members';

const FORBIDDEN = /infidel|affair|betray|cheat|unfaithful|adulter/i;

function reminder(member: Member, key = randomUUID()): NotifyInput {
  return {
    userId: member.id,
    kind: 'session_reminder',
    payload: {
      sessionId: randomUUID(),
      groupId: randomUUID(),
      startsAt: '2026-11-24T18:00:00.000Z',
      offset: '15m',
    },
    dedupeKey: `test:${key}:${member.id}`,
  };
}

describe('notifications', () => {
  let t: TestApp;
  let service: NotificationsService;
  let sent: jest.SpyInstance;
  let pushed: jest.SpyInstance;

  beforeAll(async () => {
    t = await startApp();
    service = t.app.get(NotificationsService);
    sent = jest.spyOn(t.app.get(Mailer), 'send');
    pushed = jest.spyOn(t.app.get(RealtimeEmitter), 'toUser');
  });
  afterAll(() => t.close());
  beforeEach(() => {
    sent.mockClear();
    pushed.mockClear();
  });

  const mailsTo = (address: string) =>
    sent.mock.calls.filter(([email]) => email.to === address).map(([email]) => email);

  it('stores a notification once per dedupe key, however often it is asked for', async () => {
    const ana = await registerMember(t);
    const input = reminder(ana);
    const results = await Promise.all([1, 2, 3, 4].map(() => service.notify(null, input)));
    expect(results.flatMap((r) => r.created)).toHaveLength(1);
    const res = await ana.get('/api/notifications');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        kind: 'session_reminder',
        payload: input.payload,
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    expect(pushed.mock.calls.filter(([userId]) => userId === ana.id)).toHaveLength(1);
    expect(pushed).toHaveBeenCalledWith(ana.id, 'notification', res.body.items[0]);
  });

  it('pushes only after the caller’s transaction commits, and nothing when it rolls back', async () => {
    const ana = await registerMember(t);
    const db = t.app.get(DataSource);
    await expect(
      db.transaction(async (tx: EntityManager) => {
        const delivery = await service.notify(tx, reminder(ana));
        expect(delivery.created).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(pushed).not.toHaveBeenCalled();
    expect((await ana.get('/api/notifications')).body.items).toEqual([]);
  });

  it('lists unread only with ?unread=true, marks read (204, idempotent), refuses another member’s id with 404', async () => {
    const ana = await registerMember(t);
    const ben = await registerMember(t);
    const [first] = (await service.notify(null, reminder(ana))).created;
    await service.notify(null, reminder(ana));
    const read = await ana.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(204);
    expect((await ana.post(`/api/notifications/${first.id}/read`)).status).toBe(204);
    const all = await ana.get('/api/notifications');
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items.find((n: { id: string }) => n.id === first.id).readAt).toEqual(
      expect.any(String),
    );
    const unread = await ana.get('/api/notifications?unread=true');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect(unread.body.items).toHaveLength(1);
    expectError(await ben.post(`/api/notifications/${first.id}/read`), 404, 'NOT_FOUND');
    expectError(await ben.post(`/api/notifications/not-a-uuid/read`), 404, 'NOT_FOUND');
    expect((await ben.get('/api/notifications')).body.items).toEqual([]);
  });

  it('refuses a bad unread value (?unread=yes) and unknown query fields with 400', async () => {
    const ana = await registerMember(t);
    expectError(await ana.get('/api/notifications?unread=yes'), 400, 'VALIDATION_FAILED');
    expectError(await ana.get('/api/notifications?limit=5'), 400, 'VALIDATION_FAILED');
    expectError(await t.http().get('/api/notifications'), 401, 'UNAUTHENTICATED');
  });

  it('stores but does not push when the member turned in-app notifications off', async () => {
    const ana = await registerMember(t);
    await ana.patch('/api/me').send({ notificationPrefs: { email: true, inApp: false } });
    await service.notify(null, reminder(ana));
    expect((await ana.get('/api/notifications')).body.items).toHaveLength(1);
    expect(pushed).not.toHaveBeenCalled();
  });

  it('e-mails discreetly with a one-click unsubscribe, never by a member without an address', async () => {
    const address = `ana-${randomUUID()}@mail.example`;
    const ana = await registerMember(t, 'betrayed', { email: address });
    const noAddress = await registerMember(t);
    await service.notify(null, reminder(noAddress));
    await service.notify(null, reminder(ana));
    const [email] = await eventually(() => mailsTo(address).length > 0 && mailsTo(address), 10_000);
    const info =
      await sent.mock.results[sent.mock.calls.findIndex(([e]) => e.to === address)].value;
    // Unfolded: long header lines may be folded onto continuation lines.
    const raw = info.message.toString().replace(/\r?\n[ \t]+/g, ' ');
    expect(email.subject).toBe('Your group meets in 15 minutes');
    expect(raw).not.toMatch(FORBIDDEN);
    expect(raw).toMatch(/^List-Unsubscribe: <http.*\/api\/notifications\/unsubscribe\?token=/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(sent.mock.calls).toHaveLength(1);

    const link = new URL(email.unsubscribeUrl);
    const res = await t.http().get(`${link.pathname}${link.search}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('no longer get e-mails');
    const me = await ana.get('/api/me');
    expect(me.body.notificationPrefs).toEqual({ email: false, inApp: true });

    await service.notify(null, reminder(ana));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsTo(address)).toHaveLength(1);
    expect((await ana.get('/api/notifications')).body.items).toHaveLength(2);
  });

  it('does not e-mail kinds that stay in-app (moderation notice, crisis resources)', async () => {
    const address = `ben-${randomUUID()}@mail.example`;
    const ben = await registerMember(t, 'unfaithful', { email: address });
    await service.notify(null, {
      userId: ben.id,
      kind: 'crisis_resources',
      payload: {
        messageId: randomUUID(),
        resources: [{ name: 'Helpline', contact: '116 123', region: 'UK' }],
      },
      dedupeKey: `crisis:${randomUUID()}`,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mailsTo(address)).toHaveLength(0);
    expect((await ben.get('/api/notifications')).body.items[0].kind).toBe('crisis_resources');
  });

  it('unsubscribes by RFC 8058 POST without signing in, and refuses forged or malformed tokens with 400', async () => {
    const ana = await registerMember(t, 'betrayed', { email: `c-${randomUUID()}@mail.example` });
    const ben = await registerMember(t);
    await service.notify(null, reminder(ana));
    const [email] = await eventually(
      () => sent.mock.calls.length > 0 && sent.mock.calls[0],
      10_000,
    );
    const token = new URL(email.unsubscribeUrl).searchParams.get('token') as string;
    const forged = `${ben.id}.${token.split('.')[1]}`;
    for (const bad of [forged, 'garbage', `${ana.id}.`, `${token}.extra`]) {
      const res = await t.http().post(`/api/notifications/unsubscribe?token=${bad}`);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    expectError(await t.http().post('/api/notifications/unsubscribe'), 400, 'VALIDATION_FAILED');
    expect((await ana.get('/api/me')).body.notificationPrefs.email).toBe(true);
    // As mail providers send it (RFC 8058): a form body, no session.
    const res = await t
      .http()
      .post(`/api/notifications/unsubscribe?token=${token}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(204);
    expect((await ana.get('/api/me')).body.notificationPrefs).toEqual({
      email: false,
      inApp: true,
    });
  });

  it('appears in the member’s export and goes with their erasure', async () => {
    const ana = await registerMember(t);
    await service.notify(null, reminder(ana));
    const exported = await ana.get('/api/me/export');
    expect(exported.body.notifications).toHaveLength(1);
    expect(exported.body.notifications[0].kind).toBe('session_reminder');
    const erased = await ana.delete('/api/me').send({ password: ana.password });
    expect(erased.status).toBe(204);
    const db = t.app.get(DataSource);
    const rows = await db.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1', [
      ana.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
