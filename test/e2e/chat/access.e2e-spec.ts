import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SanctionsService } from '@kintsugi/groups';
import { startApp, TestApp } from '../../support/app';
import { clientId } from '../../support/chat';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import {
  connectError,
  emitAck,
  expectNoEvent,
  nextEvent,
  trackSockets,
} from '../../support/sockets';

jest.setTimeout(60_000);

/** DESIGN.md invariant 1 through the chat's doors: REST, socket events, history, presence. */
describe('who may read, send and subscribe', () => {
  let t: TestApp;
  let admin: Member;
  let ana: Member;
  let outsider: Member;
  let unfaithful: Member;
  let groupId: string;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    admin = await loginAdmin(t);
    [ana, outsider, unfaithful] = await Promise.all([
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'unfaithful'),
    ]);
    groupId = (await createGroup(admin, 'betrayed')).id;
    await joinGroup(ana, groupId);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  it('fails the handshake with connect_error UNAUTHENTICATED for a missing, forged or malformed token', async () => {
    for (const token of [undefined, 'not-a-jwt', `${ana.accessToken}x`]) {
      const error = await connectError(t, token);
      expect(error.message).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses REST reading and sending with FORBIDDEN to a non-member and AUDIENCE_MISMATCH to the other audience, 404 for an unknown group', async () => {
    const send = { body: 'hello', clientId: clientId() };
    for (const [m, code] of [
      [outsider, 'FORBIDDEN'],
      [unfaithful, 'AUDIENCE_MISMATCH'],
    ] as const) {
      expectError(await m.get(`/api/groups/${groupId}/messages`), 403, code);
      expectError(await m.get(`/api/groups/${groupId}/messages/changes`), 403, code);
      expectError(await m.post(`/api/groups/${groupId}/messages`).send(send), 403, code);
    }
    expectError(await ana.get(`/api/groups/${randomUUID()}/messages`), 404, 'NOT_FOUND');
    expectError(await ana.get(`/api/groups/not-a-uuid/messages`), 404, 'NOT_FOUND');
  });

  it('refuses socket sends, subscriptions and presence to outsiders with the same codes, and they receive nothing', async () => {
    const member = await connect(ana);
    for (const [m, code] of [
      [outsider, 'FORBIDDEN'],
      [unfaithful, 'AUDIENCE_MISMATCH'],
    ] as const) {
      const s = await connect(m);
      const events = [
        emitAck(s, 'message:send', { groupId, body: 'let me in', clientId: clientId() }),
        emitAck(s, 'group:subscribe', { groupId }),
        emitAck(s, 'presence:list', { groupId }),
        emitAck(s, 'typing', { groupId }),
      ];
      for (const ack of await Promise.all(events)) {
        expect({ ok: ack.ok, code: ack.error?.code, status: ack.error?.statusCode }).toEqual({
          ok: false,
          code,
          status: 403,
        });
      }
      const silence = expectNoEvent(s, 'message:new', 800);
      await emitAck(member, 'message:send', {
        groupId,
        body: 'members only',
        clientId: clientId(),
      });
      await silence;
    }
  });

  it('subscribes a socket to a group joined after connecting, once the member asks', async () => {
    const late = await registerMember(t, 'betrayed');
    const s = await connect(late);
    await joinGroup(late, groupId);
    expect(await emitAck(s, 'group:subscribe', { groupId })).toEqual({ ok: true });
    const arrives = nextEvent(s, 'message:new');
    await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'welcome', clientId: clientId() });
    expect((await arrives).message.body).toBe('welcome');
  });

  it('answers MUTED to a muted member on both doors and stores nothing', async () => {
    const muted = await registerMember(t, 'betrayed');
    await joinGroup(muted, groupId);
    await t.app.get(DataSource).transaction((tx) =>
      t.app.get(SanctionsService).mute(tx, {
        groupId,
        userId: muted.id,
        until: new Date(Date.now() + 60_000),
        by: admin.id,
      }),
    );
    const id = clientId();
    expectError(
      await muted.post(`/api/groups/${groupId}/messages`).send({ body: 'shh', clientId: id }),
      403,
      'MUTED',
    );
    const s = await connect(muted);
    const ack = await emitAck(s, 'message:send', { groupId, body: 'shh', clientId: id });
    expect(ack.error?.code).toBe('MUTED');
    // A muted member still reads.
    expect((await muted.get(`/api/groups/${groupId}/messages`)).status).toBe(200);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM messages WHERE author_id = $1`, [muted.id]);
    expect(n).toBe(0);
  });

  it('takes a banned member’s sockets out of the room with group:removed, and answers BANNED afterwards', async () => {
    const banned = await registerMember(t, 'betrayed');
    await joinGroup(banned, groupId);
    const [tab1, tab2] = [await connect(banned), await connect(banned)];
    const removed = [nextEvent(tab1, 'group:removed'), nextEvent(tab2, 'group:removed')];
    const sanctions = t.app.get(SanctionsService);
    await t.app
      .get(DataSource)
      .transaction((tx) => sanctions.ban(tx, { groupId, userId: banned.id, by: admin.id }));
    sanctions.announceBan(groupId, banned.id);
    for (const event of await Promise.all(removed))
      expect(event).toEqual({ groupId, reason: 'banned' });
    const silence = expectNoEvent(tab1, 'message:new', 800);
    await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'after the ban', clientId: clientId() });
    await silence;
    const ack = await emitAck(tab1, 'message:send', {
      groupId,
      body: 'still?',
      clientId: clientId(),
    });
    expect(ack.error?.code).toBe('BANNED');
    expect((await emitAck(tab2, 'group:subscribe', { groupId })).error?.code).toBe('BANNED');
    expectError(await banned.get(`/api/groups/${groupId}/messages`), 403, 'BANNED');
  });

  it('counts REST and socket sends together against RATE_LIMIT_SEND, and a refused send is never stored', async () => {
    const limited = await startApp({ RUN_WORKERS: 'false', RATE_LIMIT_SEND: '3/1m' });
    try {
      const a = await loginAdmin(limited);
      const m = await registerMember(limited, 'betrayed');
      const g = (await createGroup(a, 'betrayed')).id;
      await joinGroup(m, g);
      const s = await sockets.connect(limited, m);
      expect(
        (await m.post(`/api/groups/${g}/messages`).send({ body: '1', clientId: 'r1' })).status,
      ).toBe(201);
      expect((await emitAck(s, 'message:send', { groupId: g, body: '2', clientId: 'r2' })).ok).toBe(
        true,
      );
      expect(
        (await m.post(`/api/groups/${g}/messages`).send({ body: '3', clientId: 'r3' })).status,
      ).toBe(201);
      const refused = await m.post(`/api/groups/${g}/messages`).send({ body: '4', clientId: 'r4' });
      expectError(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const ack = await emitAck(s, 'message:send', { groupId: g, body: '5', clientId: 'r5' });
      expect(ack.error?.code).toBe('RATE_LIMITED');
      expect(ack.error?.details).toEqual([
        { field: 'retryAfterMs', problem: expect.stringMatching(/^\d+$/) },
      ]);
      // A retry of a stored message is not a new one: it answers with the original, limit or not.
      const retry = await m.post(`/api/groups/${g}/messages`).send({ body: '1', clientId: 'r1' });
      expect(retry.status).toBe(200);
      expect(retry.body.body).toBe('1');
      const history = await m.get(`/api/groups/${g}/messages`);
      expect(history.body.items.map((x: { clientId: string }) => x.clientId)).toEqual([
        'r3',
        'r2',
        'r1',
      ]);
    } finally {
      sockets.closeAll();
      await limited.close();
    }
  });
});
