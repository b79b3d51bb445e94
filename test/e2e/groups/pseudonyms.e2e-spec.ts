import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Socket } from 'socket.io-client';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { createGroup, loginAdmin, Member, registerMember } from '../../support/members';
import { emitAck, nextEvent, trackSockets } from '../../support/sockets';

interface Person {
  id: string;
  handle: string;
}

/**
 * Per-group pseudonyms (issue 15, part 2): a member who uses one in two groups
 * cannot be linked across them by anything either group's members see.
 */
describe('groups: per-group pseudonyms', () => {
  let t: TestApp;
  let admin: Member;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    admin = await loginAdmin(t);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t.close());

  /** Everything one member was shown, by the group it concerns (null: no group). */
  const observer = (member: Member) => {
    const seen: { groupId: string | null; what: string; payload: unknown }[] = [];
    return {
      seen,
      async http(groupId: string | null, what: string, pending: PromiseLike<Response>) {
        const res = await pending;
        seen.push({ groupId, what, payload: res.body });
        return res;
      },
      watch(socket: Socket) {
        socket.onAny(
          (event: string, payload: { groupId?: string; message?: { groupId: string } }) =>
            seen.push({
              groupId: payload?.groupId ?? payload?.message?.groupId ?? null,
              what: `socket ${event}`,
              payload,
            }),
        );
      },
      member,
    };
  };

  /** Every `{ id, handle }` object inside a payload. */
  const people = (payload: unknown): Person[] => {
    const found: Person[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && typeof record.handle === 'string')
        found.push({ id: record.id, handle: record.handle });
      Object.values(record).forEach(walk);
    };
    walk(payload);
    return found;
  };

  const join = (m: Member, groupId: string, body: Record<string, unknown>) =>
    m.post(`/api/groups/${groupId}/join`).send({ acceptGuidelines: true, ...body });
  const send = (m: Member, groupId: string, body: string) =>
    m.post(`/api/groups/${groupId}/messages`).send({ body, clientId: randomUUID() });

  it('keeps two members’ pseudonyms in two groups unlinkable in everything either sees', async () => {
    const ana = await registerMember(t, 'betrayed');
    const ben = await registerMember(t, 'betrayed');
    const groupA = await createGroup(admin);
    const groupB = await createGroup(admin);
    const views = { ana: observer(ana), ben: observer(ben) };

    // Both join both groups under pseudonyms; the membership answers with the pseudonym.
    const shown: Record<string, Record<string, Person>> = { ana: {}, ben: {} };
    for (const [name, m] of [
      ['ana', ana],
      ['ben', ben],
    ] as const) {
      for (const g of [groupA, groupB]) {
        const res = await views[name].http(g.id, 'join', join(m, g.id, { pseudonym: true }));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ groupId: g.id, pseudonym: true, role: 'member' });
        expect(res.body.user.handle).toMatch(/^[a-z]+-[a-z]+-[0-9a-f]{4}$/);
        expect(res.body.user.id).not.toBe(m.id);
        shown[name][g.id] = res.body.user;
      }
    }
    for (const name of ['ana', 'ben'] as const) {
      expect(shown[name][groupA.id].id).not.toBe(shown[name][groupB.id].id);
      expect(shown[name][groupA.id].handle).not.toBe(shown[name][groupB.id].handle);
    }

    // The admin names ben moderator of A by the id the group knows him by.
    const promoted = await admin
      .post(`/api/groups/${groupA.id}/moderators`)
      .send({ userId: shown.ben[groupA.id].id });
    expect(promoted.status).toBe(201);
    expect(promoted.body).toMatchObject({ role: 'moderator', user: shown.ben[groupA.id] });

    const anaSocket = await sockets.connect(t, ana);
    const benSocket = await sockets.connect(t, ben);
    views.ana.watch(anaSocket);
    views.ben.watch(benSocket);

    for (const g of [groupA, groupB]) {
      // Typing and presence show the pseudonym of that group.
      const typing = nextEvent(benSocket, 'typing', (p) => p.groupId === g.id);
      expect((await emitAck(anaSocket, 'typing', { groupId: g.id })).ok).toBe(true);
      expect((await typing).user).toEqual(shown.ana[g.id]);
      for (const [name, m] of [
        ['ana', ana],
        ['ben', ben],
      ] as const) {
        const listed = await emitAck<{ ok: boolean; online: Person[] }>(
          name === 'ana' ? anaSocket : benSocket,
          'presence:list',
          { groupId: g.id },
        );
        views[name].seen.push({ groupId: g.id, what: 'presence:list', payload: listed });
        expect(listed.online).toEqual(expect.arrayContaining([shown.ana[g.id], shown.ben[g.id]]));
        // Messages (socket and history) and the member list show the pseudonym.
        const arrived = nextEvent(
          name === 'ana' ? benSocket : anaSocket,
          'message:new',
          (p) => p.message.groupId === g.id,
        );
        const sent = await views[name].http(g.id, 'send', send(m, g.id, `hello from ${name}`));
        expect(sent.status).toBe(201);
        expect(sent.body.author).toEqual(shown[name][g.id]);
        expect((await arrived).message.author).toEqual(shown[name][g.id]);
        const history = await views[name].http(
          g.id,
          'history',
          m.get(`/api/groups/${g.id}/messages`),
        );
        expect(history.body.items.map((i: { author: Person }) => i.author)).toContainEqual(
          shown[name][g.id],
        );
        const members = await views[name].http(
          g.id,
          'members',
          m.get(`/api/groups/${g.id}/members`),
        );
        expect(members.body.items.map((i: { user: Person }) => i.user)).toEqual(
          expect.arrayContaining([shown.ana[g.id], shown.ben[g.id]]),
        );
        const group = await views[name].http(g.id, 'group', m.get(`/api/groups/${g.id}`));
        expect(group.body.appearance).toEqual({ ...shown[name][g.id], pseudonym: true });
        await views[name].http(g.id, 'changes', m.get(`/api/groups/${g.id}/messages/changes`));
      }
    }

    // Review queue and audit trail: ben moderates A, flags ana's post and warns her.
    const anaPost = (await send(ana, groupA.id, 'a post to review')).body;
    expect(
      (await ben.post(`/api/messages/${anaPost.id}/flags`).send({ reason: 'spam' })).status,
    ).toBe(201);
    const queue = await views.ben.http(
      groupA.id,
      'queue',
      ben.get(`/api/moderation/queue?groupId=${groupA.id}`),
    );
    const item = queue.body.items.find(
      (i: { message: { id: string } }) => i.message.id === anaPost.id,
    );
    expect(item.author).toEqual(shown.ana[groupA.id]);
    expect(item.message.author).toEqual(shown.ana[groupA.id]);
    await views.ben.http(groupA.id, 'claim', ben.post(`/api/moderation/queue/${item.id}/claim`));
    const resolved = await views.ben.http(
      groupA.id,
      'resolve',
      ben.post(`/api/moderation/queue/${item.id}/resolve`).send({ action: 'warn', note: 'kindly' }),
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolution.actor).toEqual(shown.ben[groupA.id]);
    expect(resolved.body.claimedBy).toEqual(shown.ben[groupA.id]);
    const audit = await views.ben.http(
      groupA.id,
      'audit',
      ben.get(`/api/moderation/audit?groupId=${groupA.id}`),
    );
    expect(audit.body.items[0]).toMatchObject({
      actor: shown.ben[groupA.id],
      target: { userId: shown.ana[groupA.id].id, messageId: anaPost.id },
    });
    await views.ana.http(null, 'notifications', ana.get('/api/notifications'));
    await views.ana.http(null, 'groups', ana.get('/api/groups'));
    await views.ben.http(null, 'groups', ben.get('/api/groups'));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Each one's own profile still shows the account handle.
    expect((await ana.get('/api/me')).body).toMatchObject({ id: ana.id, handle: ana.handle });

    // What one saw never holds the other's account, and nothing about the other
    // is shown in both groups: no id and no handle of theirs in common.
    for (const [viewer, other, otherName] of [
      [views.ana, ben, 'ben'],
      [views.ben, ana, 'ana'],
    ] as const) {
      const everything = JSON.stringify(viewer.seen);
      expect(everything).not.toContain(other.id);
      expect(everything).not.toContain(other.handle);
      const inGroup = (groupId: string) =>
        viewer.seen.filter((s) => s.groupId === groupId).flatMap((s) => people(s.payload));
      const inA = inGroup(groupA.id);
      const inB = inGroup(groupB.id);
      expect(inA).toContainEqual(shown[otherName][groupA.id]);
      expect(inB).toContainEqual(shown[otherName][groupB.id]);
      const idsA = new Set(inA.map((p) => p.id));
      const handlesA = new Set(inA.map((p) => p.handle));
      expect(inB.filter((p) => idsA.has(p.id) || handlesA.has(p.handle))).toEqual([]);
      // Payloads about no group (the groups list) carry nothing of the other either.
      const ungrouped = JSON.stringify(viewer.seen.filter((s) => s.groupId === null));
      for (const g of [groupA, groupB]) {
        expect(ungrouped).not.toContain(shown[otherName][g.id].id);
        expect(ungrouped).not.toContain(shown[otherName][g.id].handle);
      }
    }
  });

  it('leaves members who choose no pseudonym as API.md has them', async () => {
    const cara = await registerMember(t, 'betrayed');
    const dev = await registerMember(t, 'betrayed');
    const group = await createGroup(admin);
    const joined = await join(cara, group.id, {});
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({
      user: { id: cara.id, handle: cara.handle },
      pseudonym: false,
    });
    expect((await join(dev, group.id, { pseudonym: false })).body.user).toEqual({
      id: dev.id,
      handle: dev.handle,
    });
    const sent = await send(cara, group.id, 'plain');
    expect(sent.body.author).toEqual({ id: cara.id, handle: cara.handle });
    const members = await dev.get(`/api/groups/${group.id}/members`);
    expect(members.body.items.map((i: { user: Person }) => i.user)).toEqual(
      expect.arrayContaining([{ id: cara.id, handle: cara.handle }]),
    );
    expect((await cara.get(`/api/groups/${group.id}`)).body.appearance).toEqual({
      id: cara.id,
      handle: cara.handle,
      pseudonym: false,
    });

    // Turned on later, the pseudonym shows on her posts; off again, the handle; on again, the same pseudonym.
    const on = await cara.patch(`/api/groups/${group.id}/membership`).send({ pseudonym: true });
    expect(on.status).toBe(200);
    expect(on.body.pseudonym).toBe(true);
    const history = await dev.get(`/api/groups/${group.id}/messages`);
    expect(history.body.items[0].author).toEqual(on.body.user);
    const off = await cara.patch(`/api/groups/${group.id}/membership`).send({ pseudonym: false });
    expect(off.body).toMatchObject({
      user: { id: cara.id, handle: cara.handle },
      pseudonym: false,
    });
    const again = await cara.patch(`/api/groups/${group.id}/membership`).send({ pseudonym: true });
    expect(again.body.user).toEqual(on.body.user);

    // Leaving and joining again (nothing said) keeps the pseudonym on her posts.
    expect((await cara.post(`/api/groups/${group.id}/leave`)).status).toBe(204);
    expect((await dev.get(`/api/groups/${group.id}/messages`)).body.items[0].author).toEqual(
      on.body.user,
    );
    expect((await join(cara, group.id, {})).body.user).toEqual(on.body.user);

    // Her export holds it; a stranger to the group cannot change a membership they do not have.
    const exported = await cara.get('/api/me/export');
    expect(JSON.stringify(exported.body)).toContain(on.body.user.handle);
    const stranger = await registerMember(t, 'betrayed');
    expectError(
      await stranger.patch(`/api/groups/${group.id}/membership`).send({ pseudonym: true }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets only admins resolve a pseudonym, and records every lookup', async () => {
    const eve = await registerMember(t, 'betrayed');
    const moderator = await registerMember(t, 'betrayed');
    const group = await createGroup(admin);
    const pseudonym = (await join(eve, group.id, { pseudonym: true })).body.user as Person;
    await join(moderator, group.id, {});
    await admin.post(`/api/groups/${group.id}/moderators`).send({ userId: moderator.id });

    for (const who of [eve, moderator]) {
      expectError(await who.get(`/api/admin/pseudonyms/${pseudonym.handle}`), 403, 'FORBIDDEN');
      expectError(await who.get('/api/admin/pseudonym-lookups'), 403, 'FORBIDDEN');
    }
    const byName = await admin.get(`/api/admin/pseudonyms/${pseudonym.handle.toUpperCase()}`);
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({ id: eve.id, handle: eve.handle });
    expect((await admin.get(`/api/admin/pseudonyms/${pseudonym.id}`)).body).toEqual({
      id: eve.id,
      handle: eve.handle,
    });
    expectError(await admin.get('/api/admin/pseudonyms/no-such-name-00'), 404, 'NOT_FOUND');

    const lookups = await admin.get('/api/admin/pseudonym-lookups');
    expect(lookups.status).toBe(200);
    expect(lookups.body.items.slice(0, 3)).toEqual([
      expect.objectContaining({ query: 'no-such-name-00', found: false, userId: null }),
      expect.objectContaining({
        query: pseudonym.id,
        found: true,
        userId: eve.id,
        groupId: group.id,
      }),
      expect.objectContaining({
        query: pseudonym.handle.toUpperCase(),
        found: true,
        userId: eve.id,
        admin: { id: admin.id, handle: admin.handle },
      }),
    ]);
    // Non-admins' refused attempts resolved nothing and are not lookups.
    expect(lookups.body.items).toHaveLength(3);
  });

  it('refuses bad input on the new fields with 400 and changes nothing', async () => {
    const fay = await registerMember(t, 'betrayed');
    const group = await createGroup(admin);
    const raw = (path: string, method: 'post' | 'patch', text: string) =>
      fay[method](path).set('Content-Type', 'application/json').send(text);

    const badJoins = [
      { pseudonym: 'true' },
      { pseudonym: 1 },
      { pseudonym: null },
      { pseudonym: true, extra: 1 },
    ];
    for (const body of badJoins)
      expectError(await join(fay, group.id, body), 400, 'VALIDATION_FAILED');
    expectError(
      await raw(
        `/api/groups/${group.id}/join`,
        'post',
        '{"acceptGuidelines":true,"__proto__":{"pseudonym":true}}',
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect((await fay.get(`/api/groups/${group.id}`)).body).toMatchObject({
      isMember: false,
      appearance: null,
      memberCount: 0,
    });

    expect((await join(fay, group.id, {})).status).toBe(201);
    const path = `/api/groups/${group.id}/membership`;
    for (const body of [
      {},
      { pseudonym: 'yes' },
      { pseudonym: 0 },
      { pseudonym: null },
      { pseudonym: true, role: 'moderator' },
    ])
      expectError(await fay.patch(path).send(body), 400, 'VALIDATION_FAILED');
    for (const text of [
      '{"pseudonym":true,"__proto__":{"x":1}}',
      '{"constructor":{"pseudonym":true}}',
      '[true]',
      'true',
    ])
      expectError(await raw(path, 'patch', text), 400, 'VALIDATION_FAILED');
    expect((await fay.get(`/api/groups/${group.id}`)).body.appearance).toEqual({
      id: fay.id,
      handle: fay.handle,
      pseudonym: false,
    });
    const members = await fay.get(`/api/groups/${group.id}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ user: { id: fay.id, handle: fay.handle }, role: 'member' }),
    ]);
  });
});
