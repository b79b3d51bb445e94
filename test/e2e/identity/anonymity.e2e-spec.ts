import type { Response } from 'supertest';
import { startApp, TestApp } from '../../support/app';
import { createGroup, joinGroup, loginAdmin, Member, registerMember } from '../../support/members';

const EMAIL = 'Private.Person@secret-mail.example';
const TIMEZONE = 'Pacific/Chatham';

/** DESIGN.md invariant 2: a member's e-mail and time zone reach nobody but them. */
describe('anonymity: a member’s e-mail reaches no one else', () => {
  let t: TestApp;
  let owner: Member;
  const seen: { what: string; text: string }[] = [];
  const record = async (what: string, pending: PromiseLike<Response>) => {
    const res = await pending;
    seen.push({
      what,
      text: JSON.stringify({ headers: res.headers, body: res.body, text: res.text }),
    });
    return res;
  };

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
  });
  afterAll(() => t.close());

  it('is shown to its owner', async () => {
    owner = await registerMember(t, 'betrayed', { email: EMAIL, timezone: TIMEZONE });
    const me = await owner.get('/api/me');
    expect(me.body).toMatchObject({ email: EMAIL, timezone: TIMEZONE });
    expect(JSON.stringify((await owner.get('/api/me/export')).body)).toContain(EMAIL);
  });

  it('appears in no response to any other member, moderator or admin on any endpoint', async () => {
    const admin = await loginAdmin(t);
    const peer = await registerMember(t, 'betrayed');
    const moderator = await registerMember(t, 'betrayed');
    const stranger = await registerMember(t, 'unfaithful');
    const group = await createGroup(admin, { audience: 'betrayed' });
    await joinGroup(owner, group.id);
    await joinGroup(moderator, group.id);
    const others = { admin, peer, moderator, stranger };

    await record(
      'assign owner as moderator',
      admin.post(`/api/groups/${group.id}/moderators`).send({ userId: owner.id }),
    );
    await record(
      'assign moderator',
      admin.post(`/api/groups/${group.id}/moderators`).send({ userId: moderator.id }),
    );
    await record(
      'admin changes owner roles',
      admin.patch(`/api/admin/users/${owner.id}`).send({ roles: ['moderator'] }),
    );
    await record(
      'admin changes owner journey role back',
      admin.patch(`/api/admin/users/${owner.id}`).send({ journeyRole: 'betrayed' }),
    );
    await record(
      'register owner handle again',
      t.http().post('/api/auth/register').send({
        handle: owner.handle,
        password: 'a-long-enough-password',
        journeyRole: 'betrayed',
        email: 'other@mail.example',
      }),
    );
    await record(
      'login as owner with a wrong password',
      t
        .http()
        .post('/api/auth/login')
        .send({ handle: owner.handle, password: 'wrong-password-here' }),
    );
    for (const [name, m] of Object.entries(others)) {
      await record(
        `${name} joins`,
        m.post(`/api/groups/${group.id}/join`).send({ acceptGuidelines: true }),
      );
      await record(`${name} lists groups`, m.get('/api/groups'));
      await record(`${name} gets group`, m.get(`/api/groups/${group.id}`));
      await record(`${name} lists members`, m.get(`/api/groups/${group.id}/members`));
      await record(`${name} reads own profile`, m.get('/api/me'));
      await record(
        `${name} patches own profile`,
        m.patch('/api/me').send({ timezone: 'Europe/Oslo' }),
      );
      await record(`${name} exports own data`, m.get('/api/me/export'));
      await record(`${name} lists topics`, m.get('/api/topics'));
      await record(
        `${name} refreshes`,
        t.http().post('/api/auth/refresh').send({ refreshToken: m.refreshToken }),
      );
      await record(`${name} tries the owner's id as a group`, m.get(`/api/groups/${owner.id}`));
      await record(
        `${name} tries to make the owner a moderator`,
        m.post(`/api/groups/${group.id}/moderators`).send({ userId: owner.id }),
      );
      await record(
        `${name} tries to change the owner`,
        m.patch(`/api/admin/users/${owner.id}`).send({ roles: ['member'] }),
      );
    }
    await record('peer leaves', peer.post(`/api/groups/${group.id}/leave`));
    await record(
      'admin renames group',
      admin.patch(`/api/groups/${group.id}`).send({ name: 'Renamed' }),
    );
    await record(
      'admin creates group',
      admin.post('/api/groups').send({ name: 'n', description: 'd', audience: 'betrayed' }),
    );

    // The owner's data was in play: their membership is listed to the others.
    expect(seen.some((s) => s.text.includes(owner.id))).toBe(true);
    const leaks = seen
      .filter(
        (s) => s.text.toLowerCase().includes(EMAIL.toLowerCase()) || s.text.includes(TIMEZONE),
      )
      .map((s) => s.what);
    expect(leaks).toEqual([]);
  });
});
