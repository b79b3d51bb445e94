import { randomUUID } from 'node:crypto';
import { startApp, TestApp } from '../../support/app';
import { chatCircle, clientId } from '../../support/chat';
import { expectError } from '../../support/expect-error';
import { asMember, Member } from '../../support/members';
import { collect, emitAck, nextEvent, socketFor, trackSockets } from '../../support/sockets';
import { eventually } from '../../support/eventually';

jest.setTimeout(60_000);

/** Two API processes on one database and one Redis prefix behave as one. */
describe('real-time across two API processes: messages, presence, edits, reactions', () => {
  let one: TestApp;
  let two: TestApp;
  let ana: Member;
  let ben: Member;
  let groupId: string;
  const sockets = trackSockets();

  beforeAll(async () => {
    one = await startApp({ RUN_WORKERS: 'false' });
    two = await startApp({ RUN_WORKERS: 'false' }, { database: one.database });
    ({ ana, ben, groupId } = await chatCircle(one));
  });

  afterEach(async () => {
    sockets.closeAll();
    // Let both processes record the goodbyes before the next test counts presence.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  afterAll(async () => {
    await two.close();
    await one.close();
  });

  const connect = (app: TestApp, m: Member) => sockets.connect(app, m);

  it('delivers a message sent on one process to sockets on the other, in seq order', async () => {
    const onTwo = await connect(two, ben);
    const onOne = await connect(one, ana);
    const seen = collect<{ message: { seq: number; body: string } }>(onTwo, 'message:new');
    const acks = [];
    for (let i = 0; i < 5; i++)
      acks.push(
        await emitAck(onOne, 'message:send', { groupId, body: `hop ${i}`, clientId: clientId() }),
      );
    // REST on process two, too: the same path.
    const rest = await asMember(
      two,
      {
        user: { ...ben, journeyRole: 'betrayed' },
        accessToken: ben.accessToken,
        refreshToken: ben.refreshToken,
      },
      ben.password,
    )
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'from two', clientId: clientId() });
    expect(rest.status).toBe(201);
    await eventually(() => seen.length === 6);
    expect(seen.map((e) => e.message.seq)).toEqual([
      ...acks.map((a) => (a.message as { seq: number }).seq),
      rest.body.seq,
    ]);
  });

  it('announces presence once for two tabs on two processes, lists the member online, and announces offline when the last closes', async () => {
    const watcher = await connect(one, ana);
    const presence = collect<{ groupId: string; user: { id: string }; online: boolean }>(
      watcher,
      'presence',
    );
    const tab1 = await socketFor(one, ben);
    const tab2 = await socketFor(two, ben);
    await eventually(() => presence.some((p) => p.user.id === ben.id && p.online));
    const list = await emitAck(watcher, 'presence:list', { groupId });
    expect(list.ok).toBe(true);
    expect((list.online as { id: string }[]).map((u) => u.id).sort()).toEqual(
      [ana.id, ben.id].sort(),
    );
    const members = await ana.get(`/api/groups/${groupId}/members`);
    const benRow = members.body.items.find((i: { user: { id: string } }) => i.user.id === ben.id);
    expect(benRow.online).toBe(true);

    tab1.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(presence.filter((p) => p.user.id === ben.id)).toEqual([
      { groupId, user: { id: ben.id, handle: ben.handle }, online: true },
    ]);
    tab2.close();
    await eventually(() => presence.some((p) => p.user.id === ben.id && !p.online));
    expect(presence.filter((p) => p.user.id === ben.id).map((p) => p.online)).toEqual([
      true,
      false,
    ]);
    const after = await emitAck(watcher, 'presence:list', { groupId });
    expect((after.online as { id: string }[]).map((u) => u.id)).toEqual([ana.id]);
  });

  it('shows typing to the others only', async () => {
    const a = await connect(one, ana);
    const b = await connect(two, ben);
    const typing = nextEvent(b, 'typing');
    const own = collect(a, 'typing');
    expect(await emitAck(a, 'typing', { groupId })).toEqual({ ok: true });
    expect(await typing).toEqual({ groupId, user: { id: ana.id, handle: ana.handle } });
    expect(own).toEqual([]);
  });

  it('broadcasts an edit as message:updated, lets only the author edit or delete (403 FORBIDDEN), and broadcasts message:removed', async () => {
    const a = await connect(one, ana);
    const b = await connect(two, ben);
    const sent = await emitAck(a, 'message:send', {
      groupId,
      body: 'first draft',
      clientId: clientId(),
    });
    const id = (sent.message as { id: string }).id;
    expectError(await ben.patch(`/api/messages/${id}`).send({ body: 'hijack' }), 403, 'FORBIDDEN');
    expectError(await ben.delete(`/api/messages/${id}`), 403, 'FORBIDDEN');
    expectError(
      await ana.patch(`/api/messages/${id}`).send({ body: '  ' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await ana.patch(`/api/messages/${id}`).send({ body: 'x', seq: 3 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await ana.patch(`/api/messages/${randomUUID()}`).send({ body: 'x' }),
      404,
      'NOT_FOUND',
    );

    const updated = nextEvent(b, 'message:updated', (e) => e.message.id === id);
    const edit = await ana.patch(`/api/messages/${id}`).send({ body: 'second draft' });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ id, body: 'second draft', editedAt: expect.any(String) });
    expect((await updated).message).toMatchObject({ id, body: 'second draft' });

    const removed = nextEvent(b, 'message:removed');
    expect((await ana.delete(`/api/messages/${id}`)).status).toBe(204);
    expect(await removed).toEqual({ groupId, messageId: id });
    const history = await ben.get(`/api/groups/${groupId}/messages?limit=1`);
    expect(history.body.items[0]).toMatchObject({ id, status: 'removed', body: null });
    expectError(await ana.patch(`/api/messages/${id}`).send({ body: 'back' }), 404, 'NOT_FOUND');
  });

  it('counts reactions once per kind per member (a repeat is idempotent 201), rejects unknown kinds, and broadcasts the new counts', async () => {
    const b = await connect(two, ben);
    const sent = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'be kind', clientId: clientId() });
    const id = sent.body.id;
    const updated = nextEvent(b, 'message:updated', (e) => e.message.id === id);
    const first = await ben.post(`/api/messages/${id}/reactions`).send({ kind: 'heart' });
    expect(first.status).toBe(201);
    expect(first.body.reactions).toEqual({
      counts: { heart: 1, hug: 0, hear_you: 0, strength: 0 },
      mine: ['heart'],
    });
    expect((await updated).message.reactions.counts.heart).toBe(1);
    const repeat = await ben.post(`/api/messages/${id}/reactions`).send({ kind: 'heart' });
    expect(repeat.status).toBe(201);
    expect(repeat.body.reactions.counts.heart).toBe(1);
    await ana.post(`/api/messages/${id}/reactions`).send({ kind: 'heart' });
    const both = await ana.post(`/api/messages/${id}/reactions`).send({ kind: 'strength' });
    expect(both.body.reactions).toEqual({
      counts: { heart: 2, hug: 0, hear_you: 0, strength: 1 },
      mine: ['heart', 'strength'],
    });
    for (const body of [{ kind: 'like' }, {}, { kind: 'heart', more: 1 }]) {
      expectError(
        await ben.post(`/api/messages/${id}/reactions`).send(body),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect((await ben.delete(`/api/messages/${id}/reactions/heart`)).status).toBe(204);
    const view = await ben.get(`/api/groups/${groupId}/messages?limit=1`);
    expect(view.body.items[0].reactions).toEqual({
      counts: { heart: 1, hug: 0, hear_you: 0, strength: 1 },
      mine: [],
    });
  });
});
