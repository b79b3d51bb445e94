import { DataSource } from 'typeorm';
import { PersonalDataRegistry } from '@kintsugi/identity';
import { SanctionsService } from '@kintsugi/groups';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup, loginAdmin, Member, registerMember } from '../../support/members';

describe('own account: profile, export, erasure', () => {
  let t: TestApp;
  let admin: Member;
  let db: DataSource;

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const postMessage = (groupId: string, authorId: string, body: string) =>
    db.query(
      `WITH s AS (UPDATE groups SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
       INSERT INTO messages (group_id, seq, author_id, client_id, body)
       SELECT $1, s.last_seq, $2, md5(random()::text), $3 FROM s`,
      [groupId, authorId, body],
    );

  describe('GET and PATCH /api/me', () => {
    it('shows the owner their e-mail, time zone and notification preferences', async () => {
      const ana = await registerMember(t, 'betrayed', {
        email: 'ana@mail.example',
        timezone: 'europe/paris',
      });
      const res = await ana.get('/api/me');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: ana.id,
        handle: ana.handle,
        journeyRole: 'betrayed',
        roles: ['member'],
        createdAt: expect.any(String),
        email: 'ana@mail.example',
        timezone: 'Europe/Paris',
        notificationPrefs: { email: true, inApp: true },
      });
    });

    it('changes e-mail and time zone, takes one notification switch alone, and removes the e-mail with null', async () => {
      const ana = await registerMember(t, 'betrayed', { email: 'ana@mail.example' });
      const res = await ana.patch('/api/me').send({
        email: 'new@mail.example',
        timezone: 'America/Chicago',
        notificationPrefs: { email: false },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        email: 'new@mail.example',
        timezone: 'America/Chicago',
        notificationPrefs: { email: false, inApp: true },
      });
      const cleared = await ana.patch('/api/me').send({ email: null });
      expect(cleared.body).toMatchObject({
        email: null,
        notificationPrefs: { email: false, inApp: true },
      });
    });

    it.each([
      [{ timezone: null }, 'timezone'],
      [{ timezone: '+02:00' }, 'timezone'],
      [{ notificationPrefs: null }, 'notificationPrefs'],
      [{ notificationPrefs: { email: 'no' } }, 'notificationPrefs.email'],
      [{ notificationPrefs: { inApp: null } }, 'notificationPrefs.inApp'],
      [{ notificationPrefs: { email: true, sms: true } }, 'notificationPrefs.sms'],
      [{ email: 'not-an-address' }, 'email'],
      [{ handle: 'new-name' }, 'handle'],
      [{ journeyRole: 'unfaithful' }, 'journeyRole'],
      [{ roles: ['admin'] }, 'roles'],
    ])('refuses %j naming %s and changes nothing', async (body, field) => {
      const ana = await registerMember(t, 'betrayed', { email: 'keep@mail.example' });
      const before = (await ana.get('/api/me')).body;
      const res = await ana.patch('/api/me').send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await ana.get('/api/me')).body).toEqual(before);
    });
  });

  describe('GET /api/me/export', () => {
    it('holds the profile, sign-ins, memberships, sanctions and every registered section, and nothing of another member', async () => {
      const group = await createGroup(admin);
      const other = await createGroup(admin);
      const ana = await registerMember(t, 'betrayed', { email: 'ana-export@mail.example' });
      const ben = await registerMember(t, 'betrayed', {
        email: 'ben-private@mail.example',
        timezone: 'Asia/Tokyo',
      });
      await joinGroup(ana, group.id);
      await joinGroup(ana, other.id);
      await joinGroup(ben, group.id);
      await db.transaction((tx) =>
        t.app.get(SanctionsService).ban(tx, { groupId: other.id, userId: ana.id, by: admin.id }),
      );
      await postMessage(group.id, ana.id, 'ana wrote this');
      await postMessage(group.id, ben.id, 'ben wrote this privately');
      t.app.get(PersonalDataRegistry).addExporter('probe', async (userId) => ({ forUser: userId }));

      const res = await ana.get('/api/me/export');
      expect(res.status).toBe(200);
      expect(res.body.profile).toMatchObject({
        id: ana.id,
        handle: ana.handle,
        email: 'ana-export@mail.example',
      });
      expect(res.body.signIns).toEqual([
        expect.objectContaining({ createdAt: expect.any(String), revokedAt: null }),
      ]);
      expect(res.body.memberships).toEqual([
        {
          groupId: group.id,
          groupName: group.name,
          role: 'member',
          joinedAt: expect.any(String),
          pseudonym: null,
        },
      ]);
      expect(res.body.groupSanctions).toEqual([
        { groupId: other.id, kind: 'ban', until: null, createdAt: expect.any(String) },
      ]);
      expect(res.body.probe).toEqual({ forUser: ana.id });

      const text = JSON.stringify(res.body);
      for (const secret of [
        'ben-private@mail.example',
        'Asia/Tokyo',
        'ben wrote this privately',
        ben.id,
        admin.id,
        ana.refreshToken,
      ])
        expect(text).not.toContain(secret);
      // The messages section is chat's: once chat registers it, the caller's own messages are in it.
      if ('messages' in res.body) expect(text).toContain('ana wrote this');
    });
  });

  describe('DELETE /api/me', () => {
    it('refuses a wrong password with 401 and a missing one with 400, and erases nothing', async () => {
      const ana = await registerMember(t, 'betrayed', { email: 'ana@mail.example' });
      expectError(
        await ana.delete('/api/me').send({ password: 'not-my-password' }),
        401,
        'UNAUTHENTICATED',
      );
      expectError(await ana.delete('/api/me').send({}), 400, 'VALIDATION_FAILED');
      expect((await ana.get('/api/me')).body.email).toBe('ana@mail.example');
    });

    it('erases personal data and sessions at once, keeps a tombstone whose handle stays taken', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t, 'betrayed', {
        email: 'erase-me@mail.example',
        timezone: 'Asia/Tokyo',
      });
      await joinGroup(ana, group.id);
      await postMessage(group.id, ana.id, 'kept as a tombstone');

      expect((await ana.delete('/api/me').send({ password: ana.password })).status).toBe(204);

      // The access token issued before the erasure stops working at once, and so does the refresh token.
      expectError(await ana.get('/api/me'), 401, 'UNAUTHENTICATED');
      expectError(await ana.get(`/api/groups/${group.id}`), 401, 'UNAUTHENTICATED');
      expectError(
        await t.http().post('/api/auth/refresh').send({ refreshToken: ana.refreshToken }),
        401,
        'UNAUTHENTICATED',
      );
      expectError(
        await t.http().post('/api/auth/login').send({ handle: ana.handle, password: ana.password }),
        401,
        'UNAUTHENTICATED',
      );
      expectError(
        await t.http().post('/api/auth/register').send({
          handle: ana.handle.toUpperCase(),
          password: 'a-long-enough-password',
          journeyRole: 'betrayed',
        }),
        409,
        'HANDLE_TAKEN',
      );

      const [row] = await db.query(
        `SELECT handle, email, password_hash, timezone, erased_at,
           (SELECT count(*)::int FROM refresh_tokens WHERE user_id = u.id AND revoked_at IS NULL) AS live_tokens,
           (SELECT count(*)::int FROM memberships WHERE user_id = u.id) AS memberships,
           (SELECT count(*)::int FROM messages WHERE author_id = u.id) AS messages
         FROM users u WHERE id = $1`,
        [ana.id],
      );
      expect(row).toEqual({
        handle: ana.handle,
        email: null,
        password_hash: null,
        timezone: null,
        erased_at: expect.any(Date),
        live_tokens: 0,
        memberships: 0,
        messages: 1,
      });
    });
  });

  describe('changes act at once on tokens already issued', () => {
    it('a ban refuses the group at once to a token issued before it', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t);
      await joinGroup(ana, group.id);
      expect((await ana.get(`/api/groups/${group.id}/members`)).status).toBe(200);
      await db.transaction((tx) =>
        t.app.get(SanctionsService).ban(tx, { groupId: group.id, userId: ana.id, by: admin.id }),
      );
      expectError(await ana.get(`/api/groups/${group.id}/members`), 403, 'BANNED');
    });

    it('an admin role taken away closes admin routes at once, a journey role changed closes the old audience', async () => {
      const group = await createGroup(admin, { audience: 'betrayed' });
      const ana = await registerMember(t, 'betrayed');
      await admin.patch(`/api/admin/users/${ana.id}`).send({ roles: ['admin'] });
      expect(
        (await ana.post('/api/groups').send({ name: 'n', description: 'd', audience: 'betrayed' }))
          .status,
      ).toBe(201);
      const changed = await admin
        .patch(`/api/admin/users/${ana.id}`)
        .send({ roles: [], journeyRole: 'unfaithful' });
      expect(changed.body).toEqual({
        id: ana.id,
        handle: ana.handle,
        journeyRole: 'unfaithful',
        roles: ['member'],
        createdAt: expect.any(String),
      });
      expectError(
        await ana.post('/api/groups').send({ name: 'n', description: 'd', audience: 'betrayed' }),
        403,
        'FORBIDDEN',
      );
      expectError(await ana.get(`/api/groups/${group.id}`), 403, 'AUDIENCE_MISMATCH');
    });

    it('an admin never sees a member’s e-mail or time zone when changing their roles', async () => {
      const ana = await registerMember(t, 'betrayed', {
        email: 'hidden@mail.example',
        timezone: 'Asia/Tokyo',
      });
      const res = await admin.patch(`/api/admin/users/${ana.id}`).send({ roles: ['moderator'] });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/hidden@mail\.example|Asia\/Tokyo/);
    });
  });
});
