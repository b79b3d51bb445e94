import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { loginAdmin, Member, registerMember } from '../../support/members';

/** The BullMQ dashboard at /admin/queues: admins only, by Bearer token or a short-lived cookie session. */
describe('the queue dashboard', () => {
  let t: TestApp;
  let admin: Member;
  let member: Member;

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    admin = await loginAdmin(t);
    member = await registerMember(t, 'betrayed');
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses anyone without a token (401) and members who are not admins (403), in the error shape', async () => {
    expectError(await t.http().get('/admin/queues'), 401, 'UNAUTHENTICATED');
    expectError(await t.http().get('/admin/queues/api/queues'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.http().get('/admin/queues').set('Authorization', 'Bearer forged'),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await member.get('/admin/queues'), 403, 'FORBIDDEN');
    expectError(
      await t.http().get('/admin/queues').set('Cookie', 'kintsugi_queues=guessed'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('serves the dashboard and its five queues to an admin’s Bearer token', async () => {
    const page = await admin.get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await admin.get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
      'checkins',
      'email',
      'moderation',
      'reminders',
      'sessions',
    ]);
  });

  it('opens a browser session for admins only: an HttpOnly, SameSite=Strict cookie scoped to the dashboard', async () => {
    expectError(await member.post('/api/admin/queues/session'), 403, 'FORBIDDEN');
    expectError(await t.http().post('/api/admin/queues/session'), 401, 'UNAUTHENTICATED');
    const res = await admin.post('/api/admin/queues/session');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ url: '/admin/queues', expiresAt: expect.any(String) });
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^kintsugi_queues=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const pair = cookie.split(';')[0];
    const page = await t.http().get('/admin/queues').set('Cookie', pair);
    expect(page.status).toBe(200);
  });

  it('ends a session the moment its admin loses the role', async () => {
    const second = await registerMember(t, 'betrayed');
    expect(
      (await admin.patch(`/api/admin/users/${second.id}`).send({ roles: ['admin'] })).status,
    ).toBe(200);
    const session = await second.post('/api/admin/queues/session');
    const pair = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect((await t.http().get('/admin/queues').set('Cookie', pair)).status).toBe(200);
    expect(
      (await admin.patch(`/api/admin/users/${second.id}`).send({ roles: ['member'] })).status,
    ).toBe(200);
    expectError(await t.http().get('/admin/queues').set('Cookie', pair), 403, 'FORBIDDEN');
  });
});
