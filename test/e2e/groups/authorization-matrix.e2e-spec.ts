import { JwtService } from '@nestjs/jwt';
import type { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';
import { SanctionsService } from '@kintsugi/groups';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import {
  createGroup,
  joinGroup,
  loginAdmin,
  Member,
  registerMember,
  uniqueHandle,
} from '../../support/members';

/**
 * Every endpoint of identity, groups and topics against every kind of caller,
 * each with its expected status and code (DESIGN.md invariant 1 and API.md's
 * "who may see what"). The target group is a betrayed group.
 */
const ACTORS = [
  'no token',
  'forged token',
  'expired token',
  'member of the group',
  'member of the other audience',
  'member of a different group',
  'group moderator',
  'moderator of another group',
  'banned from the group',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = [status: number, code?: string];

interface World {
  group: string;
  topicSlug: string;
  bystander: Member;
  members: Partial<Record<Actor, Member>>;
  tokens: Record<Actor, string | undefined>;
  passwordOf(actor: Actor): string;
}

interface Endpoint {
  name: string;
  call(world: World, actor: Actor): Promise<Response>;
  expected: Record<Actor, Outcome>;
}

const UNAUTHENTICATED: Outcome = [401, 'UNAUTHENTICATED'];
const FORBIDDEN: Outcome = [403, 'FORBIDDEN'];
const AUDIENCE_MISMATCH: Outcome = [403, 'AUDIENCE_MISMATCH'];
const BANNED: Outcome = [403, 'BANNED'];

/** Every signed-in caller gets `ok`; the three without a valid token get 401. */
const signedIn = (ok: Outcome, overrides: Partial<Record<Actor, Outcome>> = {}) =>
  Object.fromEntries(
    ACTORS.map((a) => [
      a,
      overrides[a] ??
        (['no token', 'forged token', 'expired token'].includes(a) ? UNAUTHENTICATED : ok),
    ]),
  ) as Record<Actor, Outcome>;
const adminOnly = (ok: Outcome) => signedIn(FORBIDDEN, { admin: ok });
/** Public routes ignore whatever token comes along. */
const everyone = (ok: Outcome) =>
  Object.fromEntries(ACTORS.map((a) => [a, ok])) as Record<Actor, Outcome>;
const groupDoor = (rule: {
  member: Outcome;
  otherGroupMember: Outcome;
  groupModerator: Outcome;
  otherModerator: Outcome;
  admin: Outcome;
}) =>
  signedIn(FORBIDDEN, {
    'member of the group': rule.member,
    'member of the other audience': AUDIENCE_MISMATCH,
    'member of a different group': rule.otherGroupMember,
    'group moderator': rule.groupModerator,
    'moderator of another group': rule.otherModerator,
    'banned from the group': BANNED,
    admin: rule.admin,
  });

describe('authorization matrix', () => {
  let t: TestApp;
  let rootAdmin: Member;
  let topicSlug: string;

  const as = (world: World, actor: Actor, test: Test) => {
    const token = world.tokens[actor];
    return token ? test.set('Authorization', `Bearer ${token}`) : test;
  };
  const freshRefreshToken = async (world: World) =>
    (
      await t
        .http()
        .post('/api/auth/login')
        .send({ handle: world.bystander.handle, password: world.bystander.password })
    ).body.refreshToken as string;

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'POST /api/auth/register',
      call: (w, a) =>
        as(w, a, t.http().post('/api/auth/register')).send({
          handle: uniqueHandle('r'),
          password: 'a-long-enough-password',
          journeyRole: 'betrayed',
        }),
      expected: everyone([201]),
    },
    {
      name: 'POST /api/auth/login',
      call: (w, a) =>
        as(w, a, t.http().post('/api/auth/login')).send({
          handle: w.bystander.handle,
          password: w.bystander.password,
        }),
      expected: everyone([200]),
    },
    {
      name: 'POST /api/auth/refresh',
      call: async (w, a) =>
        as(w, a, t.http().post('/api/auth/refresh')).send({
          refreshToken: await freshRefreshToken(w),
        }),
      expected: everyone([200]),
    },
    {
      name: 'POST /api/auth/logout',
      call: async (w, a) =>
        as(w, a, t.http().post('/api/auth/logout')).send({
          refreshToken: await freshRefreshToken(w),
        }),
      expected: everyone([204]),
    },
    {
      name: 'GET /api/me',
      call: (w, a) => as(w, a, t.http().get('/api/me')),
      expected: signedIn([200]),
    },
    {
      name: 'PATCH /api/me',
      call: (w, a) => as(w, a, t.http().patch('/api/me')).send({ timezone: 'Europe/Rome' }),
      expected: signedIn([200]),
    },
    {
      name: 'GET /api/me/export',
      call: (w, a) => as(w, a, t.http().get('/api/me/export')),
      expected: signedIn([200]),
    },
    {
      name: 'DELETE /api/me',
      call: (w, a) => as(w, a, t.http().delete('/api/me')).send({ password: w.passwordOf(a) }),
      expected: signedIn([204]),
    },
    {
      name: 'PATCH /api/admin/users/:id',
      call: (w, a) =>
        as(w, a, t.http().patch(`/api/admin/users/${w.bystander.id}`)).send({ roles: ['member'] }),
      expected: adminOnly([200]),
    },
    {
      name: 'GET /api/groups',
      call: (w, a) => as(w, a, t.http().get('/api/groups')),
      expected: signedIn([200]),
    },
    {
      name: 'POST /api/groups',
      call: (w, a) =>
        as(w, a, t.http().post('/api/groups')).send({
          name: 'New circle',
          description: 'New.',
          audience: 'betrayed',
        }),
      expected: adminOnly([201]),
    },
    {
      name: 'PATCH /api/groups/:id',
      call: (w, a) => as(w, a, t.http().patch(`/api/groups/${w.group}`)).send({ name: 'Renamed' }),
      expected: adminOnly([200]),
    },
    {
      name: 'GET /api/groups/:id',
      call: (w, a) => as(w, a, t.http().get(`/api/groups/${w.group}`)),
      expected: groupDoor({
        member: [200],
        otherGroupMember: [200],
        groupModerator: [200],
        otherModerator: [200],
        admin: [200],
      }),
    },
    {
      name: 'POST /api/groups/:id/join',
      call: (w, a) =>
        as(w, a, t.http().post(`/api/groups/${w.group}/join`)).send({ acceptGuidelines: true }),
      expected: groupDoor({
        member: [200],
        otherGroupMember: [201],
        groupModerator: [200],
        otherModerator: [201],
        admin: [201],
      }),
    },
    {
      name: 'POST /api/groups/:id/leave',
      call: (w, a) => as(w, a, t.http().post(`/api/groups/${w.group}/leave`)),
      expected: groupDoor({
        member: [204],
        otherGroupMember: FORBIDDEN,
        groupModerator: [204],
        otherModerator: FORBIDDEN,
        admin: FORBIDDEN,
      }),
    },
    {
      name: 'GET /api/groups/:id/members',
      call: (w, a) => as(w, a, t.http().get(`/api/groups/${w.group}/members`)),
      expected: groupDoor({
        member: [200],
        otherGroupMember: FORBIDDEN,
        groupModerator: [200],
        otherModerator: FORBIDDEN,
        admin: [200],
      }),
    },
    {
      name: 'POST /api/groups/:id/moderators',
      call: (w, a) =>
        as(w, a, t.http().post(`/api/groups/${w.group}/moderators`)).send({
          userId: w.bystander.id,
        }),
      expected: adminOnly([201]),
    },
    {
      name: 'GET /api/topics',
      call: (w, a) => as(w, a, t.http().get('/api/topics?audience=betrayed')),
      expected: signedIn([200]),
    },
    {
      name: 'GET /api/topics/:slug',
      call: (w, a) => as(w, a, t.http().get(`/api/topics/${w.topicSlug}`)),
      expected: signedIn([200]),
    },
  ];

  /** A fresh cast for each endpoint, so what one caller changes (leaving, erasing) cannot sway another's case. */
  async function buildWorld(): Promise<World> {
    const [group, otherGroup, unfaithfulGroup] = await Promise.all([
      createGroup(rootAdmin, { audience: 'betrayed' }),
      createGroup(rootAdmin, { audience: 'betrayed' }),
      createGroup(rootAdmin, { audience: 'unfaithful' }),
    ]);
    const [
      member,
      otherAudience,
      otherGroupMember,
      groupModerator,
      otherModerator,
      banned,
      admin,
      bystander,
    ] = await Promise.all([
      registerMember(t, 'betrayed'),
      registerMember(t, 'unfaithful'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
    ]);
    await Promise.all([
      joinGroup(member, group.id),
      joinGroup(otherAudience, unfaithfulGroup.id),
      joinGroup(otherGroupMember, otherGroup.id),
      joinGroup(groupModerator, group.id),
      joinGroup(otherModerator, otherGroup.id),
      joinGroup(banned, group.id),
      joinGroup(bystander, group.id),
    ]);
    const setups = [
      rootAdmin.post(`/api/groups/${group.id}/moderators`).send({ userId: groupModerator.id }),
      rootAdmin.post(`/api/groups/${otherGroup.id}/moderators`).send({ userId: otherModerator.id }),
      rootAdmin.patch(`/api/admin/users/${admin.id}`).send({ roles: ['admin'] }),
    ];
    for (const res of await Promise.all(setups)) expect(res.status).toBeLessThan(300);
    await t.app
      .get(DataSource)
      .transaction((tx) =>
        t.app
          .get(SanctionsService)
          .ban(tx, { groupId: group.id, userId: banned.id, by: rootAdmin.id }),
      );

    const now = Math.floor(Date.now() / 1000);
    const members: Partial<Record<Actor, Member>> = {
      'member of the group': member,
      'member of the other audience': otherAudience,
      'member of a different group': otherGroupMember,
      'group moderator': groupModerator,
      'moderator of another group': otherModerator,
      'banned from the group': banned,
      admin,
    };
    const tokens = {
      'no token': undefined,
      'forged token': new JwtService({
        secret: 'an-attacker-secret-that-is-long-enough-to-sign',
      }).sign({ sub: admin.id }, { expiresIn: 900 }),
      'expired token': new JwtService({ secret: t.env.JWT_SECRET }).sign({
        sub: admin.id,
        iat: now - 3600,
        exp: now - 60,
      }),
      ...Object.fromEntries(Object.entries(members).map(([actor, m]) => [actor, m.accessToken])),
    } as Record<Actor, string | undefined>;
    return {
      group: group.id,
      topicSlug,
      bystander,
      members,
      tokens,
      passwordOf: (actor) => members[actor]?.password ?? 'a-long-enough-password',
    };
  }

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    rootAdmin = await loginAdmin(t);
    topicSlug = (await rootAdmin.get('/api/topics')).body.items[0].slug;
  });
  afterAll(() => t.close());

  it('covers 19 endpoints × 10 callers = 190 cases', () => {
    const cases = ENDPOINTS.reduce((n, e) => n + Object.keys(e.expected).length, 0);
    expect({ endpoints: ENDPOINTS.length, cases }).toEqual({ endpoints: 19, cases: 190 });
  });

  describe.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', (_name, endpoint) => {
    let world: World;
    beforeAll(async () => {
      world = await buildWorld();
    });

    it.each(
      ACTORS.map((actor) => {
        const [status, code = ''] = endpoint.expected[actor];
        return [actor, status, code] as const;
      }),
    )('%s → %d %s', async (actor, status, code) => {
      const res = await endpoint.call(world, actor);
      if (code) expectError(res, status, code);
      else
        expect({ status: res.status, body: res.body }).toEqual({
          status,
          body: expect.anything(),
        });
    });
  });
});
