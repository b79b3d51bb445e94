import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { loginAdmin, registerMember } from '../../support/members';

describe('registration, login and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('registers with a generated friendly handle and signs in', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ password: 'a-long-enough-password', journeyRole: 'unfaithful' });
    expect(res.status).toBe(201);
    expect(res.body.user.handle).toMatch(/^[a-z]+-[a-z]+(-\d{3})?$/);
    expect(res.body.user).toMatchObject({
      journeyRole: 'unfaithful',
      roles: ['member'],
      email: null,
      timezone: 'UTC',
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ handle: res.body.user.handle.toUpperCase(), password: 'a-long-enough-password' });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(res.body.user.id);
  });

  it('gives 30 simultaneous registrations without a handle 30 different friendly handles', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        t
          .http()
          .post('/api/auth/register')
          .send({ password: 'a-long-enough-password', journeyRole: 'betrayed' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const handles = results.map((r) => r.body.user.handle.toLowerCase());
    expect(new Set(handles).size).toBe(30);
    for (const handle of handles) expect(handle).toMatch(/^[a-z]+-[a-z]+(-\d{3})?$/);
  });

  it('shows a chosen handle as typed', async () => {
    const res = await t.http().post('/api/auth/register').send({
      handle: 'Quiet_Heron-X',
      password: 'a-long-enough-password',
      journeyRole: 'betrayed',
    });
    expect(res.status).toBe(201);
    expect(res.body.user.handle).toBe('Quiet_Heron-X');
  });

  it('keeps handles unique ignoring case', async () => {
    const member = await registerMember(t);
    const res = await t.http().post('/api/auth/register').send({
      handle: member.handle.toUpperCase(),
      password: 'a-long-enough-password',
      journeyRole: 'betrayed',
    });
    expectError(res, 409, 'HANDLE_TAKEN');
  });

  it.each([
    [{ handle: '', password: 'a-long-enough-password', journeyRole: 'betrayed' }, 'handle'],
    [{ handle: 'ab', password: 'a-long-enough-password', journeyRole: 'betrayed' }, 'handle'],
    [
      { handle: 'call-5551234', password: 'a-long-enough-password', journeyRole: 'betrayed' },
      'handle',
    ],
    [
      { handle: 'has space', password: 'a-long-enough-password', journeyRole: 'betrayed' },
      'handle',
    ],
    [{ password: 'short', journeyRole: 'betrayed' }, 'password'],
    [{ password: 'a-long-enough-password', journeyRole: 'both' }, 'journeyRole'],
    [
      { password: 'a-long-enough-password', journeyRole: 'betrayed', email: 'nobody@localhost' },
      'email',
    ],
    [
      { password: 'a-long-enough-password', journeyRole: 'betrayed', timezone: 'Mars/Olympus' },
      'timezone',
    ],
    [{ password: 'a-long-enough-password', journeyRole: 'betrayed', isAdmin: true }, 'isAdmin'],
  ])('refuses %j naming the field %s', async (body, field) => {
    const res = await t.http().post('/api/auth/register').send(body);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses __proto__ and constructor keys as unknown fields', async () => {
    for (const raw of [
      '{"password":"a-long-enough-password","journeyRole":"betrayed","__proto__":{"roles":["admin"]}}',
      '{"password":"a-long-enough-password","journeyRole":"betrayed","constructor":{"prototype":{}}}',
    ]) {
      const res = await t
        .http()
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send(raw);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });

  it('answers a wrong password and an unknown handle with the same 401', async () => {
    const member = await registerMember(t);
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ handle: member.handle, password: 'not-the-password' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ handle: 'nobody-here', password: 'not-the-password' });
    expectError(wrong, 401, 'UNAUTHENTICATED');
    expectError(unknown, 401, 'UNAUTHENTICATED');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rotates refresh tokens, and a replayed one locks out thief and victim until the victim signs in again', async () => {
    const victim = await registerMember(t);
    const stolen = victim.refreshToken;
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: stolen });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(stolen);

    const replay = await t.http().post('/api/auth/refresh').send({ refreshToken: stolen });
    expectError(replay, 401, 'UNAUTHENTICATED');
    const victimNext = await t
      .http()
      .post('/api/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expectError(victimNext, 401, 'UNAUTHENTICATED');

    const again = await t
      .http()
      .post('/api/auth/login')
      .send({ handle: victim.handle, password: victim.password });
    expect(again.status).toBe(200);
    expect(
      (await t.http().post('/api/auth/refresh').send({ refreshToken: again.body.refreshToken }))
        .status,
    ).toBe(200);
  });

  it('logout ends the refresh family', async () => {
    const member = await registerMember(t);
    expect(
      (await t.http().post('/api/auth/logout').send({ refreshToken: member.refreshToken })).status,
    ).toBe(204);
    expectError(
      await t.http().post('/api/auth/refresh').send({ refreshToken: member.refreshToken }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('rejects missing, forged and malformed access tokens', async () => {
    expectError(await t.http().get('/api/me'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.http().get('/api/me').set('Authorization', 'Bearer not.a.jwt'),
      401,
      'UNAUTHENTICATED',
    );
    const member = await registerMember(t);
    const [h, p] = member.accessToken.split('.');
    expectError(
      await t.http().get('/api/me').set('Authorization', `Bearer ${h}.${p}.forgedsignature`),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('bootstraps the admin from ADMIN_HANDLE once', async () => {
    const admin = await loginAdmin(t);
    expect((await admin.get('/api/me')).body.roles).toContain('admin');
  });

  it('a role granted or taken away acts at once on a token already issued', async () => {
    const admin = await loginAdmin(t);
    const member = await registerMember(t);
    expectError(
      await member.patch(`/api/admin/users/${admin.id}`).send({ roles: ['member'] }),
      403,
      'FORBIDDEN',
    );
    expect(
      (await admin.patch(`/api/admin/users/${member.id}`).send({ roles: ['admin'] })).status,
    ).toBe(200);
    expect((await member.get('/api/me')).body.roles).toEqual(['member', 'admin']);
    expect(
      (await admin.patch(`/api/admin/users/${member.id}`).send({ roles: ['member'] })).status,
    ).toBe(200);
    expectError(
      await member.patch(`/api/admin/users/${admin.id}`).send({ roles: ['member'] }),
      403,
      'FORBIDDEN',
    );
  });
});
