import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TEST_ADMIN, TestApp } from './app';

export type JourneyRole = 'betrayed' | 'unfaithful';

/** A signed-in member and a supertest client that sends their token. */
export interface Member {
  id: string;
  handle: string;
  password: string;
  journeyRole: JourneyRole;
  accessToken: string;
  refreshToken: string;
  get(path: string): request.Test;
  post(path: string): request.Test;
  patch(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
}

export function asMember(
  t: TestApp,
  body: {
    user: { id: string; handle: string; journeyRole: JourneyRole };
    accessToken: string;
    refreshToken: string;
  },
  password: string,
): Member {
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${body.accessToken}`);
  return {
    id: body.user.id,
    handle: body.user.handle,
    journeyRole: body.user.journeyRole,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    get: (path) => auth(t.http().get(path)),
    post: (path) => auth(t.http().post(path)),
    patch: (path) => auth(t.http().patch(path)),
    put: (path) => auth(t.http().put(path)),
    delete: (path) => auth(t.http().delete(path)),
  };
}

/** A unique handle that satisfies the handle rules (few digits). */
export const uniqueHandle = (prefix = 'm') =>
  `${prefix}-${[...randomBytes(12)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;

export async function registerMember(
  t: TestApp,
  journeyRole: JourneyRole = 'betrayed',
  extra: Record<string, unknown> = {},
): Promise<Member> {
  const password = 'a-long-enough-password';
  const res = await t
    .http()
    .post('/api/auth/register')
    .send({ handle: uniqueHandle(), password, journeyRole, ...extra });
  if (res.status !== 201)
    throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return asMember(t, res.body, password);
}

export async function loginAdmin(t: TestApp): Promise<Member> {
  const res = await t.http().post('/api/auth/login').send(TEST_ADMIN);
  if (res.status !== 200)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return asMember(t, res.body, TEST_ADMIN.password);
}

/** A group created by an admin (betrayed audience unless told otherwise). */
export async function createGroup(
  admin: Member,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; name: string; audience: JourneyRole; capacity: number }> {
  const res = await admin.post('/api/groups').send({
    name: `Circle ${uniqueHandle('g')}`,
    description: 'A quiet circle.',
    audience: 'betrayed',
    ...extra,
  });
  if (res.status !== 201)
    throw new Error(`create group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Joins a group, accepting its guidelines; fails the test unless it worked. */
export async function joinGroup(member: Member, groupId: string): Promise<void> {
  const res = await member.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
}
