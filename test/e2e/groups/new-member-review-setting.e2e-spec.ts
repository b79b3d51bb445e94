import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup, loginAdmin, Member, registerMember } from '../../support/members';

/**
 * The group setting of issue 15, part 3: `newMemberReview: { enabled, posts }` on
 * POST/PATCH /api/groups, admins only, 1–20 posts, off by default; bad input is 400 in the
 * error shape and changes nothing.
 */
describe('the newMemberReview group setting', () => {
  let t: TestApp;
  let admin: Member;
  let ana: Member;
  let groupId: string;

  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
    ana = await registerMember(t, 'betrayed');
    groupId = (await createGroup(admin)).id;
    await joinGroup(ana, groupId);
  });

  afterAll(() => t.close());

  const setting = async (id = groupId) =>
    (await admin.get(`/api/groups/${id}`)).body.newMemberReview as {
      enabled: boolean;
      posts: number;
    };

  const groupCount = async () => (await admin.get('/api/groups')).body.items.length as number;

  it('is off with 3 posts by default, and shown to every member who may see the group', async () => {
    expect(await setting()).toEqual({ enabled: false, posts: 3 });
    expect((await ana.get(`/api/groups/${groupId}`)).body.newMemberReview).toEqual({
      enabled: false,
      posts: 3,
    });
    const listed = (await ana.get('/api/groups')).body.items.find(
      (g: { id: string }) => g.id === groupId,
    );
    expect(listed.newMemberReview).toEqual({ enabled: false, posts: 3 });
  });

  it('is set on creation by an admin, posts defaulting to 3', async () => {
    const create = (newMemberReview: object) =>
      admin.post('/api/groups').send({
        name: 'Held circle',
        description: 'New voices read first.',
        audience: 'betrayed',
        newMemberReview,
      });
    const on = await create({ enabled: true, posts: 5 });
    expect(on.status).toBe(201);
    expect(on.body.newMemberReview).toEqual({ enabled: true, posts: 5 });
    expect(await setting(on.body.id)).toEqual({ enabled: true, posts: 5 });
    const defaulted = await create({ enabled: true });
    expect(defaulted.body.newMemberReview).toEqual({ enabled: true, posts: 3 });
  });

  it('is changed by an admin with PATCH; omitted posts keep the group’s number, also while off', async () => {
    const on = await admin
      .patch(`/api/groups/${groupId}`)
      .send({ newMemberReview: { enabled: true, posts: 20 } });
    expect(on.status).toBe(200);
    expect(on.body.newMemberReview).toEqual({ enabled: true, posts: 20 });
    const off = await admin
      .patch(`/api/groups/${groupId}`)
      .send({ newMemberReview: { enabled: false } });
    expect(off.body.newMemberReview).toEqual({ enabled: false, posts: 20 });
    const again = await admin
      .patch(`/api/groups/${groupId}`)
      .send({ newMemberReview: { enabled: true, posts: 1 } });
    expect(again.body.newMemberReview).toEqual({ enabled: true, posts: 1 });
    // Other changes leave it alone.
    const renamed = await admin.patch(`/api/groups/${groupId}`).send({ name: 'Renamed circle' });
    expect(renamed.body.newMemberReview).toEqual({ enabled: true, posts: 1 });
    await admin
      .patch(`/api/groups/${groupId}`)
      .send({ newMemberReview: { enabled: false, posts: 3 } })
      .expect(200);
  });

  it('cannot be changed by a member or by the group’s own moderator (403 FORBIDDEN), and nothing changes', async () => {
    const moderator = await registerMember(t, 'betrayed');
    await joinGroup(moderator, groupId);
    await admin
      .post(`/api/groups/${groupId}/moderators`)
      .send({ userId: moderator.id })
      .expect(201);
    for (const who of [ana, moderator]) {
      const res = await who
        .patch(`/api/groups/${groupId}`)
        .send({ newMemberReview: { enabled: true, posts: 2 } });
      expectError(res, 403, 'FORBIDDEN');
    }
    expectError(
      await ana.post('/api/groups').send({
        name: 'Mine',
        description: 'x',
        audience: 'betrayed',
        newMemberReview: { enabled: true },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await setting()).toEqual({ enabled: false, posts: 3 });
  });

  const badSettings: [string, unknown][] = [
    ['posts 0', { enabled: true, posts: 0 }],
    ['posts 21', { enabled: true, posts: 21 }],
    ['posts -1', { enabled: true, posts: -1 }],
    ['posts 2.5', { enabled: true, posts: 2.5 }],
    ['posts as a string ("3")', { enabled: true, posts: '3' }],
    ['posts null', { enabled: true, posts: null }],
    ['enabled as a string ("true")', { enabled: 'true', posts: 3 }],
    ['enabled as a number (1)', { enabled: 1 }],
    ['enabled null', { enabled: null }],
    ['enabled missing', { posts: 3 }],
    ['an empty object', {}],
    ['an extra field (hold)', { enabled: true, posts: 3, hold: '5m' }],
    ['an extra field (exemptModerators)', { enabled: true, exemptModerators: false }],
    ['a boolean instead of an object', true],
    ['a number instead of an object', 3],
    ['a string instead of an object', 'on'],
    ['an array', [{ enabled: true, posts: 3 }]],
    ['null', null],
  ];

  it.each(badSettings)(
    'PATCH refuses newMemberReview with %s: 400 VALIDATION_FAILED naming the field, and nothing changes',
    async (_name, value) => {
      const res = await admin.patch(`/api/groups/${groupId}`).send({ newMemberReview: value });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: expect.stringMatching(/^newMemberReview/) }),
        ]),
      );
      expect(await setting()).toEqual({ enabled: false, posts: 3 });
    },
  );

  it.each(badSettings)(
    'POST /api/groups refuses newMemberReview with %s: 400 VALIDATION_FAILED, and no group is created',
    async (_name, value) => {
      const before = await groupCount();
      const res = await admin.post('/api/groups').send({
        name: 'Refused circle',
        description: 'Never created.',
        audience: 'betrayed',
        newMemberReview: value,
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await groupCount()).toBe(before);
    },
  );

  const rawPatch = (text: string) =>
    t
      .http()
      .patch(`/api/groups/${groupId}`)
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .set('Content-Type', 'application/json')
      .send(text);

  it.each([
    ['a __proto__ key inside it', '{"newMemberReview":{"enabled":true,"__proto__":{"posts":1}}}'],
    ['a __proto__ key beside it', '{"__proto__":{"x":1},"newMemberReview":{"enabled":true}}'],
    [
      'a constructor key inside it',
      '{"newMemberReview":{"enabled":true,"constructor":{"posts":1}}}',
    ],
    ['a prototype key inside it', '{"newMemberReview":{"enabled":true,"prototype":1}}'],
  ])('PATCH refuses %s: 400 VALIDATION_FAILED, and nothing changes', async (_name, text) => {
    const res = await rawPatch(text);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(await setting()).toEqual({ enabled: false, posts: 3 });
  });

  it('is documented in the OpenAPI document on both bodies and in the Group', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.CreateGroupDto.properties.newMemberReview).toBeDefined();
    expect(schemas.UpdateGroupDto.properties.newMemberReview).toBeDefined();
    expect(schemas.NewMemberReviewDto.properties.posts).toMatchObject({ minimum: 1, maximum: 20 });
    expect(schemas.NewMemberReviewDto.required).toEqual(['enabled']);
    expect(doc.paths['/api/groups/{id}'].patch.description).toMatch(/newMemberReview/);
    expect(doc.paths['/api/groups/{groupId}/messages'].get.description).toMatch(
      /`pending`.*absent for everyone but its author/,
    );
    expect(doc.paths['/api/moderation/queue'].get.description).toMatch(/`new_member`/);
  });
});
