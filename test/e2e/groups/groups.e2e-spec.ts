import { DataSource } from 'typeorm';
import { GroupAccessService, GroupsExtensions, SanctionsService } from '@kintsugi/groups';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup, loginAdmin, Member, registerMember } from '../../support/members';

const GROUP_KEYS = [
  'appearance',
  'audience',
  'capacity',
  'description',
  'guidelines',
  'id',
  'isMember',
  'memberCount',
  'name',
  'newMemberReview',
  'nextSession',
  'timezone',
];

describe('groups', () => {
  let t: TestApp;
  let admin: Member;
  const groupCount = async () =>
    Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM groups`))[0].n);
  const ban = (groupId: string, userId: string) =>
    t.app
      .get(DataSource)
      .transaction((tx) => t.app.get(SanctionsService).ban(tx, { groupId, userId, by: admin.id }));

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  describe('creating and changing groups', () => {
    it('creates a group with the defaults, the default guidelines, and without making the admin a member', async () => {
      const res = await admin
        .post('/api/groups')
        .send({ name: 'Tuesday circle', description: 'Evenings.', audience: 'unfaithful' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(GROUP_KEYS);
      expect(res.body).toMatchObject({
        name: 'Tuesday circle',
        audience: 'unfaithful',
        capacity: 20,
        memberCount: 0,
        isMember: false,
        timezone: 'UTC',
        nextSession: null,
      });
      for (const agreement of [
        /confidential/i,
        /identifying/i,
        /do not tell others what they must do/i,
        /both/i,
        /crisis/i,
        /moderators/i,
      ])
        expect(res.body.guidelines).toMatch(agreement);
      const members = await admin.get(`/api/groups/${res.body.id}/members`);
      expect(members.status).toBe(200);
      expect(members.body.items).toEqual([]);
    });

    it('stores a time zone as its IANA name, whatever its case, and takes its own guidelines', async () => {
      const res = await admin.post('/api/groups').send({
        name: 'London mornings',
        description: 'Mornings.',
        audience: 'betrayed',
        timezone: 'europe/london',
        capacity: 8,
        guidelines: 'Be gentle.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        timezone: 'Europe/London',
        capacity: 8,
        guidelines: 'Be gentle.',
      });
    });

    it.each([
      [{ description: 'x', audience: 'betrayed' }, 'name'],
      [{ name: '   ', description: 'x', audience: 'betrayed' }, 'name'],
      [{ name: 'nul\u0000byte', description: 'x', audience: 'betrayed' }, 'name'],
      [{ name: 'lone \ud800 surrogate', description: 'x', audience: 'betrayed' }, 'name'],
      [{ name: 'x'.repeat(81), description: 'x', audience: 'betrayed' }, 'name'],
      [{ name: 'n', audience: 'betrayed' }, 'description'],
      [{ name: 'n', description: 'x', audience: 'both' }, 'audience'],
      [{ name: 'n', description: 'x', audience: 'betrayed', capacity: 1 }, 'capacity'],
      [{ name: 'n', description: 'x', audience: 'betrayed', capacity: 501 }, 'capacity'],
      [{ name: 'n', description: 'x', audience: 'betrayed', capacity: 20.5 }, 'capacity'],
      [{ name: 'n', description: 'x', audience: 'betrayed', capacity: '20' }, 'capacity'],
      [{ name: 'n', description: 'x', audience: 'betrayed', capacity: null }, 'capacity'],
      [{ name: 'n', description: 'x', audience: 'betrayed', timezone: '+01:00' }, 'timezone'],
      [{ name: 'n', description: 'x', audience: 'betrayed', timezone: 'Mars/Olympus' }, 'timezone'],
      [{ name: 'n', description: 'x', audience: 'betrayed', memberCount: 0 }, 'memberCount'],
    ])('refuses to create %j (field %s) and writes nothing', async (body, field) => {
      const before = await groupCount();
      const res = await admin.post('/api/groups').send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await groupCount()).toBe(before);
    });

    it('changes name, capacity and time zone, but never capacity below the member count', async () => {
      const group = await createGroup(admin, { capacity: 5 });
      const [a, b, c] = await Promise.all([
        registerMember(t),
        registerMember(t),
        registerMember(t),
      ]);
      for (const m of [a, b, c]) await joinGroup(m, group.id);

      const below = await admin.patch(`/api/groups/${group.id}`).send({ capacity: 2 });
      expectError(below, 400, 'VALIDATION_FAILED');
      expect(below.body.details[0].field).toBe('capacity');
      expect((await admin.get(`/api/groups/${group.id}`)).body.capacity).toBe(5);

      const res = await admin
        .patch(`/api/groups/${group.id}`)
        .send({ name: 'Renamed', capacity: 3, timezone: 'America/New_York' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Renamed',
        capacity: 3,
        memberCount: 3,
        timezone: 'America/New_York',
      });
      expectError(
        await registerMember(t).then((d) =>
          d.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true }),
        ),
        409,
        'GROUP_FULL',
      );
    });

    it.each([
      [{ name: null }, 'name'],
      [{ timezone: 'Nowhere/Land' }, 'timezone'],
      [{ capacity: 0 }, 'capacity'],
      [{ audience: 'unfaithful' }, 'audience'],
    ])('refuses the change %j (field %s)', async (body, field) => {
      const group = await createGroup(admin);
      const res = await admin.patch(`/api/groups/${group.id}`).send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe(field);
      expect((await admin.get(`/api/groups/${group.id}`)).body).toMatchObject({
        name: group.name,
        audience: 'betrayed',
        capacity: 20,
        timezone: 'UTC',
      });
    });

    it('answers 404 for a group that does not exist or an id that cannot be one', async () => {
      expectError(
        await admin.patch('/api/groups/00000000-0000-4000-8000-000000000000').send({ name: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await admin.patch('/api/groups/not-a-uuid').send({ name: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectError(await admin.get('/api/groups/not-a-uuid'), 404, 'NOT_FOUND');
    });
  });

  describe('seeing and joining', () => {
    it('lists only groups of the caller’s audience, and all of them for an admin', async () => {
      const betrayed = await createGroup(admin, { audience: 'betrayed' });
      const unfaithful = await createGroup(admin, { audience: 'unfaithful' });
      const ana = await registerMember(t, 'betrayed');
      const ben = await registerMember(t, 'unfaithful');
      await joinGroup(ana, betrayed.id);

      const anaList = (await ana.get('/api/groups')).body.items;
      expect(anaList.every((g: { audience: string }) => g.audience === 'betrayed')).toBe(true);
      expect(anaList.find((g: { id: string }) => g.id === betrayed.id)).toMatchObject({
        isMember: true,
        memberCount: 1,
      });
      expect(anaList.map((g: { id: string }) => g.id)).not.toContain(unfaithful.id);

      const benList = (await ben.get('/api/groups')).body.items;
      expect(benList.every((g: { audience: string }) => g.audience === 'unfaithful')).toBe(true);
      expect(benList.map((g: { id: string }) => g.id)).toContain(unfaithful.id);

      const adminIds = (await admin.get('/api/groups')).body.items.map((g: { id: string }) => g.id);
      expect(adminIds).toEqual(expect.arrayContaining([betrayed.id, unfaithful.id]));
    });

    it('joins with 201, answers a second join with 200 and the same membership, and counts the member once', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t);
      const first = await ana.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        groupId: group.id,
        user: { id: ana.id, handle: ana.handle },
        role: 'member',
        joinedAt: expect.any(String),
        pseudonym: false,
      });
      const second = await ana
        .post(`/api/groups/${group.id}/join`)
        .send({ acceptGuidelines: true });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect((await ana.get(`/api/groups/${group.id}`)).body).toMatchObject({
        memberCount: 1,
        isMember: true,
      });
    });

    it.each([
      [{}],
      [{ acceptGuidelines: false }],
      [{ acceptGuidelines: 'true' }],
      [{ acceptGuidelines: true, role: 'moderator' }],
    ])('refuses to join with %j and writes nothing', async (body) => {
      const group = await createGroup(admin);
      const ana = await registerMember(t);
      const res = await ana.post(`/api/groups/${group.id}/join`).send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect((await admin.get(`/api/groups/${group.id}`)).body.memberCount).toBe(0);
    });

    it('refuses the other audience with AUDIENCE_MISMATCH on every group door', async () => {
      const group = await createGroup(admin, { audience: 'unfaithful' });
      const ana = await registerMember(t, 'betrayed');
      expectError(await ana.get(`/api/groups/${group.id}`), 403, 'AUDIENCE_MISMATCH');
      expectError(
        await ana.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true }),
        403,
        'AUDIENCE_MISMATCH',
      );
      expectError(await ana.get(`/api/groups/${group.id}/members`), 403, 'AUDIENCE_MISMATCH');
      expectError(await ana.post(`/api/groups/${group.id}/leave`), 403, 'AUDIENCE_MISMATCH');
      expect((await admin.get(`/api/groups/${group.id}`)).body.memberCount).toBe(0);
    });

    it('answers 409 GROUP_FULL when no seat is left', async () => {
      const group = await createGroup(admin, { capacity: 2 });
      const [a, b, c] = await Promise.all([
        registerMember(t),
        registerMember(t),
        registerMember(t),
      ]);
      await joinGroup(a, group.id);
      await joinGroup(b, group.id);
      expectError(
        await c.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true }),
        409,
        'GROUP_FULL',
      );
      expect((await c.get(`/api/groups/${group.id}`)).body).toMatchObject({
        memberCount: 2,
        isMember: false,
      });
      // A member already in a full group still gets their membership back.
      expect(
        (await a.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true })).status,
      ).toBe(200);
    });

    it('seats exactly 20 of 30 simultaneous joins to a group of capacity 20', async () => {
      const group = await createGroup(admin, { capacity: 20 });
      const members = await Promise.all(Array.from({ length: 30 }, () => registerMember(t)));
      const results = await Promise.all(
        members.map((m) => m.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true })),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 409)).toHaveLength(10);
      for (const r of results.filter((res) => res.status === 409))
        expectError(r, 409, 'GROUP_FULL');
      expect((await admin.get(`/api/groups/${group.id}`)).body.memberCount).toBe(20);
      expect((await admin.get(`/api/groups/${group.id}/members`)).body.items).toHaveLength(20);
    });

    it('a banned member gets BANNED for everything on the group, cannot rejoin, and no longer sees it listed', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t);
      await joinGroup(ana, group.id);
      await ban(group.id, ana.id);
      expectError(await ana.get(`/api/groups/${group.id}`), 403, 'BANNED');
      expectError(
        await ana.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true }),
        403,
        'BANNED',
      );
      expectError(await ana.get(`/api/groups/${group.id}/members`), 403, 'BANNED');
      expectError(await ana.post(`/api/groups/${group.id}/leave`), 403, 'BANNED');
      expect(
        (await ana.get('/api/groups')).body.items.map((g: { id: string }) => g.id),
      ).not.toContain(group.id);
      expect((await admin.get(`/api/groups/${group.id}`)).body.memberCount).toBe(0);
    });

    it('a ban of someone who already left leaves the member count alone', async () => {
      const group = await createGroup(admin);
      const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
      await joinGroup(ana, group.id);
      await ban(group.id, ben.id);
      expect((await admin.get(`/api/groups/${group.id}`)).body.memberCount).toBe(1);
    });
  });

  describe('leaving, members and moderators', () => {
    it('leaves with 204, frees the seat, refuses a second leave, and allows rejoining', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t);
      await joinGroup(ana, group.id);
      expect((await ana.post(`/api/groups/${group.id}/leave`)).status).toBe(204);
      expect((await ana.get(`/api/groups/${group.id}`)).body).toMatchObject({
        memberCount: 0,
        isMember: false,
      });
      expectError(await ana.post(`/api/groups/${group.id}/leave`), 403, 'FORBIDDEN');
      expectError(await ana.get(`/api/groups/${group.id}/members`), 403, 'FORBIDDEN');
      expect(
        (await ana.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true })).status,
      ).toBe(201);
    });

    it('lists members as { user: { id, handle }, role, joinedAt, online } only', async () => {
      const group = await createGroup(admin);
      const ana = await registerMember(t, 'betrayed', {
        email: 'ana@mail.example',
        timezone: 'Asia/Tokyo',
      });
      const ben = await registerMember(t);
      await joinGroup(ana, group.id);
      await joinGroup(ben, group.id);
      const res = await ben.get(`/api/groups/${group.id}/members`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          user: { id: ana.id, handle: ana.handle },
          role: 'member',
          joinedAt: expect.any(String),
          online: false,
        },
        {
          user: { id: ben.id, handle: ben.handle },
          role: 'member',
          joinedAt: expect.any(String),
          online: false,
        },
      ]);
    });

    it('makes a member the group’s moderator, and refuses someone who has not joined with NOT_A_MEMBER', async () => {
      const group = await createGroup(admin);
      const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
      await joinGroup(ana, group.id);
      const res = await admin.post(`/api/groups/${group.id}/moderators`).send({ userId: ana.id });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        groupId: group.id,
        user: { id: ana.id, handle: ana.handle },
        role: 'moderator',
        joinedAt: expect.any(String),
        pseudonym: false,
      });
      expect(
        (await ana.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true })).body.role,
      ).toBe('moderator');
      expectError(
        await admin.post(`/api/groups/${group.id}/moderators`).send({ userId: ben.id }),
        409,
        'NOT_A_MEMBER',
      );
      expectError(
        await admin
          .post(`/api/groups/${group.id}/moderators`)
          .send({ userId: '00000000-0000-4000-8000-000000000000' }),
        409,
        'NOT_A_MEMBER',
      );
      expectError(
        await admin.post(`/api/groups/${group.id}/moderators`).send({ userId: 'ana' }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await admin
          .post('/api/groups/00000000-0000-4000-8000-000000000000/moderators')
          .send({ userId: ana.id }),
        404,
        'NOT_FOUND',
      );
      // The role is scoped to this group: the platform roles do not change.
      expect((await ana.get('/api/me')).body.roles).toEqual(['member']);
    });

    it('shows presence and the next session once chat and sessions plug into the extension points', async () => {
      const extensions = t.app.get(GroupsExtensions);
      const group = await createGroup(admin);
      const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
      await joinGroup(ana, group.id);
      await joinGroup(ben, group.id);
      const session = { id: 'session-1', status: 'scheduled' };
      extensions.setOnlineLookup(
        async (_groupId, ids) => new Set(ids.filter((id) => id === ana.id)),
      );
      extensions.setNextSessionLookup(
        async (ids) => new Map(ids.filter((id) => id === group.id).map((id) => [id, session])),
      );
      try {
        const members = (await ben.get(`/api/groups/${group.id}/members`)).body.items;
        expect(members.map((m: { online: boolean }) => m.online)).toEqual([true, false]);
        expect((await ben.get(`/api/groups/${group.id}`)).body.nextSession).toEqual(session);
        const listed = (await ben.get('/api/groups')).body.items.find(
          (g: { id: string }) => g.id === group.id,
        );
        expect(listed.nextSession).toEqual(session);
      } finally {
        extensions.setOnlineLookup(async () => new Set());
        extensions.setNextSessionLookup(async () => new Map());
      }
    });

    it('an erased member leaves their groups and frees their seats', async () => {
      const group = await createGroup(admin);
      const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
      await joinGroup(ana, group.id);
      await joinGroup(ben, group.id);
      expect((await ana.delete('/api/me').send({ password: ana.password })).status).toBe(204);
      expect((await ben.get(`/api/groups/${group.id}`)).body.memberCount).toBe(1);
      expect(
        (await ben.get(`/api/groups/${group.id}/members`)).body.items.map(
          (m: { user: { id: string } }) => m.user.id,
        ),
      ).toEqual([ben.id]);
    });

    it('does not subscribe a member to groups of an audience an admin has moved them out of', async () => {
      const group = await createGroup(admin, { audience: 'betrayed' });
      const ana = await registerMember(t, 'betrayed');
      await joinGroup(ana, group.id);
      const access = t.app.get(GroupAccessService);
      expect(await access.groupIdsOf(ana.id)).toEqual([group.id]);
      await admin.patch(`/api/admin/users/${ana.id}`).send({ journeyRole: 'unfaithful' });
      expect(await access.groupIdsOf(ana.id)).toEqual([]);
      expectError(await ana.get(`/api/groups/${group.id}/members`), 403, 'AUDIENCE_MISMATCH');
    });
  });
});
