import { DataSource } from 'typeorm';
import { Clock } from '@kintsugi/platform';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { loginAdmin, Member, registerMember } from '../../support/members';

const SCALES = { safety: 3, honesty: 4, communication: 2, selfCare: 5, hope: 4 };

/** Issue 15: private check-ins through the API, as a client would use them. */
describe('check-ins', () => {
  let t: TestApp;
  let db: DataSource;
  let clock: Clock;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    clock = t.app.get(Clock);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
  const rowsOf = async (member: Member) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM checkins WHERE user_id = $1`, [member.id]))[0].n,
    );

  it('records today’s check-in (201), lists it, and refuses a second one the same day with 409 ALREADY_CHECKED_IN', async () => {
    const ana = await registerMember(t);
    const res = await ana.post('/api/me/checkins').send({ ...SCALES, note: 'A calmer week.' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      ...SCALES,
      note: 'A calmer week.',
      createdAt: expect.any(String),
    });

    const again = await ana.post('/api/me/checkins').send({ ...SCALES, hope: 1 });
    expectError(again, 409, 'ALREADY_CHECKED_IN');

    const list = await ana.get('/api/me/checkins');
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [res.body] });
    expect(await rowsOf(ana)).toBe(1);
  });

  it('lets only one of two simultaneous check-ins through', async () => {
    const ana = await registerMember(t);
    const answers = await Promise.all(
      [1, 2, 3].map(() => ana.post('/api/me/checkins').send(SCALES)),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await rowsOf(ana)).toBe(1);
  });

  it('counts days in the member’s own time zone, lists them oldest first, and filters by from and to', async () => {
    const kiri = await registerMember(t, 'betrayed', { timezone: 'Pacific/Auckland' });
    // 12:00 UTC on 24 November is already 01:00 on the 25th in Auckland.
    at('2026-11-24T12:00:00Z');
    const first = await kiri.post('/api/me/checkins').send(SCALES);
    expect(first.body.day).toBe('2026-11-25');
    // Ten hours later it is still the 25th there: the same day.
    at('2026-11-24T22:00:00Z');
    expectError(await kiri.post('/api/me/checkins').send(SCALES), 409, 'ALREADY_CHECKED_IN');
    at('2026-11-25T11:30:00Z');
    const second = await kiri.post('/api/me/checkins').send({ ...SCALES, hope: 5 });
    expect(second.body.day).toBe('2026-11-26');
    at('2026-12-02T09:00:00Z');
    const third = await kiri.post('/api/me/checkins').send({ ...SCALES, hope: 2 });
    expect(third.body.day).toBe('2026-12-02');

    const all = await kiri.get('/api/me/checkins');
    expect(all.body.items.map((c: { day: string }) => c.day)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-12-02',
    ]);
    const some = await kiri.get('/api/me/checkins?from=2026-11-26&to=2026-12-01');
    expect(some.body.items.map((c: { day: string }) => c.day)).toEqual(['2026-11-26']);
    const oneDay = await kiri.get('/api/me/checkins?from=2026-12-02&to=2026-12-02');
    expect(oneDay.body.items).toHaveLength(1);
    // The default range ends today and reaches 89 days back.
    at('2027-02-24T09:00:00Z');
    const later = await kiri.get('/api/me/checkins');
    expect(later.body.items.map((c: { day: string }) => c.day)).toEqual(['2026-12-02']);
  });

  it('deletes one’s own check-in (204), after which that day may be recorded again', async () => {
    const ana = await registerMember(t);
    const made = await ana.post('/api/me/checkins').send(SCALES);
    const gone = await ana.delete(`/api/me/checkins/${made.body.id}`);
    expect(gone.status).toBe(204);
    expect((await ana.get('/api/me/checkins')).body.items).toEqual([]);
    expectError(await ana.delete(`/api/me/checkins/${made.body.id}`), 404, 'NOT_FOUND');
    expect((await ana.post('/api/me/checkins').send(SCALES)).status).toBe(201);
  });

  it('shows a check-in to nobody else: another member, a moderator or an admin gets 404 for its id, exactly as for a missing one, and sees none of it', async () => {
    const ana = await registerMember(t);
    const ben = await registerMember(t);
    const admin = await loginAdmin(t);
    const moderator = await registerMember(t);
    const granted = await admin
      .patch(`/api/admin/users/${moderator.id}`)
      .send({ roles: ['member', 'moderator'] });
    expect(granted.status).toBe(200);
    const made = await ana.post('/api/me/checkins').send({ ...SCALES, note: 'only mine' });
    const missing = '00000000-0000-4000-8000-000000000000';

    for (const other of [ben, moderator, admin]) {
      const theirs = await other.delete(`/api/me/checkins/${made.body.id}`);
      const nothing = await other.delete(`/api/me/checkins/${missing}`);
      expectError(theirs, 404, 'NOT_FOUND');
      expect(theirs.body).toEqual(nothing.body);
      const list = await other.get('/api/me/checkins');
      expect(list.body.items).toEqual([]);
      expect(JSON.stringify((await other.get('/api/me/export')).body)).not.toContain('only mine');
    }
    expect(await rowsOf(ana)).toBe(1);
  });

  it('is in the member’s export, with the reminder setting, and erased with the account', async () => {
    const ana = await registerMember(t);
    const made = await ana.post('/api/me/checkins').send({ ...SCALES, note: 'for my eyes' });
    expect((await ana.put('/api/me/checkins/reminder').send({ weekly: true })).status).toBe(200);

    const exported = await ana.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.checkIns).toEqual([made.body]);
    expect(exported.body.checkInReminder).toEqual({ weekly: true });

    const erased = await ana.delete('/api/me').send({ password: ana.password });
    expect(erased.status).toBe(204);
    expect(await rowsOf(ana)).toBe(0);
    const reminders = await db.query(`SELECT 1 FROM checkin_reminders WHERE user_id = $1`, [
      ana.id,
    ]);
    expect(reminders).toHaveLength(0);
  });

  it('answers the reminder setting: off until switched on, and back off', async () => {
    const ana = await registerMember(t);
    expect((await ana.get('/api/me/checkins/reminder')).body).toEqual({ weekly: false });
    expect((await ana.put('/api/me/checkins/reminder').send({ weekly: true })).body).toEqual({
      weekly: true,
    });
    expect((await ana.get('/api/me/checkins/reminder')).body).toEqual({ weekly: true });
    await ana.put('/api/me/checkins/reminder').send({ weekly: false });
    expect((await ana.get('/api/me/checkins/reminder')).body).toEqual({ weekly: false });
  });

  it('documents every check-in route, its body and its refusals in OpenAPI (/docs-json)', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    const paths = doc.paths;
    expect(Object.keys(paths['/api/me/checkins']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/me/checkins/{id}'])).toEqual(['delete']);
    expect(Object.keys(paths['/api/me/checkins/reminder']).sort()).toEqual(['get', 'put']);
    const post = paths['/api/me/checkins'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '409']);
    const body = doc.components.schemas.RecordCheckInDto;
    expect(body.required.sort()).toEqual(
      ['communication', 'hope', 'honesty', 'safety', 'selfCare'].sort(),
    );
    expect(body.properties.safety).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(body.properties.note).toMatchObject({ maxLength: 2000 });
    expect(
      paths['/api/me/checkins'].get.parameters.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['from', 'to']);
    expect(Object.keys(paths['/api/me/checkins/{id}'].delete.responses).sort()).toEqual([
      '204',
      '404',
    ]);
  });

  it('needs a signed-in member for every door', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expectError(await t.http().post('/api/me/checkins').send(SCALES), 401, 'UNAUTHENTICATED');
    expectError(await t.http().get('/api/me/checkins'), 401, 'UNAUTHENTICATED');
    expectError(await t.http().delete(`/api/me/checkins/${id}`), 401, 'UNAUTHENTICATED');
    expectError(await t.http().get('/api/me/checkins/reminder'), 401, 'UNAUTHENTICATED');
  });
});
