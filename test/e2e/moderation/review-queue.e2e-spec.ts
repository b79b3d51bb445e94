import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { emitAck, expectNoEvent, nextEvent, trackSockets } from '../../support/sockets';
import { asSeenBy, Circle, moderatedGroup, openItem, post, sleep } from './moderation.fixture';

const ABUSE = 'you are a worthless idiot and everyone hates you';
const PHONE = 'call me on 07700 900123 any time';
const CRISIS = "I want to end my life tonight, I can't do this anymore";

/** The review queue, its actions on open sockets, its walls between groups, and the audit trail. */
describe('the review queue', () => {
  let t: TestApp;
  let admin: Member;
  let a: Circle;
  let b: Circle;
  let otherAudience: Circle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
    a = await moderatedGroup(t, admin, 'betrayed', 3);
    b = await moderatedGroup(t, admin, 'betrayed', 1);
    otherAudience = await moderatedGroup(t, admin, 'unfaithful', 0);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    // The server announces a closed socket's presence asynchronously; let it finish before Redis closes.
    await sleep(300);
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  const itemAbout = async (author: Member, circle: Circle, body: string) => {
    const message = await post(author, circle.groupId, body);
    return { message, item: await openItem(circle.moderator, message.id) };
  };

  const resolve = (by: Member, itemId: string, body: Record<string, unknown>) =>
    by.post(`/api/moderation/queue/${itemId}/resolve`).send(body);

  it('orders items urgent, high, normal, then oldest first', async () => {
    const author = a.members[2];
    const high1 = await itemAbout(author, a, ABUSE);
    const urgent = await itemAbout(author, a, CRISIS);
    const high2 = await itemAbout(author, a, PHONE);
    const plain = await post(author, a.groupId, 'Thinking of you all today');
    expect(
      (await a.members[0].post(`/api/messages/${plain.id}/flags`).send({ reason: 'spam' })).status,
    ).toBe(201);
    const normal = await openItem(a.moderator, plain.id);
    const res = await a.moderator.get(`/api/moderation/queue?status=open&groupId=${a.groupId}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { id: string }) => i.id);
    const order = [urgent.item.id, high1.item.id, high2.item.id, normal.id].map((id) =>
      ids.indexOf(id),
    );
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    const priorities = res.body.items.map((i: { priority: string }) => i.priority);
    const rank = { urgent: 0, high: 1, normal: 2 } as Record<string, number>;
    expect(priorities.map((p: string) => rank[p])).toEqual(
      [...priorities.map((p: string) => rank[p])].sort((x, y) => x - y),
    );
    for (const item of res.body.items) expect(item.group.id).toBe(a.groupId);
    // Clean up so later counts start from a known queue.
    for (const id of [urgent.item.id, high1.item.id, high2.item.id, normal.id])
      expect((await resolve(a.moderator, id, { action: 'approve' })).status).toBe(200);
  });

  it('lets a moderator of group A see and act on nothing of group B (403), and B’s own moderator and admins everything', async () => {
    const { item } = await itemAbout(b.members[0], b, ABUSE);
    const ofA = a.moderator;
    expectError(await ofA.get(`/api/moderation/queue/${item.id}`), 403, 'FORBIDDEN');
    expectError(await ofA.post(`/api/moderation/queue/${item.id}/claim`), 403, 'FORBIDDEN');
    expectError(await resolve(ofA, item.id, { action: 'remove' }), 403, 'FORBIDDEN');
    expectError(await ofA.get(`/api/moderation/queue?groupId=${b.groupId}`), 403, 'FORBIDDEN');
    expectError(await ofA.get(`/api/moderation/audit?groupId=${b.groupId}`), 403, 'FORBIDDEN');
    const ownQueue = await ofA.get('/api/moderation/queue');
    expect(ownQueue.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    // A moderator of the other audience meets the audience wall.
    expectError(
      await otherAudience.moderator.get(`/api/moderation/queue/${item.id}`),
      403,
      'AUDIENCE_MISMATCH',
    );
    // A plain member has no queue at all, even of their own group.
    expectError(await b.members[0].get('/api/moderation/queue'), 403, 'FORBIDDEN');
    expectError(await b.members[0].get(`/api/moderation/queue/${item.id}`), 403, 'FORBIDDEN');
    expectError(await b.members[0].get('/api/moderation/audit'), 403, 'FORBIDDEN');

    expect((await b.moderator.get(`/api/moderation/queue/${item.id}`)).status).toBe(200);
    const all = await admin.get('/api/moderation/queue');
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await resolve(admin, item.id, { action: 'approve' })).status).toBe(200);
  });

  it('answers 404 for an unknown or malformed item id, and 400 for bad queue filters', async () => {
    expectError(
      await admin.get('/api/moderation/queue/00000000-0000-4000-8000-000000000000'),
      404,
      'NOT_FOUND',
    );
    expectError(await admin.get('/api/moderation/queue/not-an-id'), 404, 'NOT_FOUND');
    expectError(await admin.post('/api/moderation/queue/not-an-id/claim'), 404, 'NOT_FOUND');
    expectError(await admin.get('/api/moderation/queue?status=closed'), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/moderation/queue?groupId=abc'), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/moderation/queue?limit=5'), 400, 'VALIDATION_FAILED');
    expectError(await admin.get('/api/moderation/audit?groupId=abc'), 400, 'VALIDATION_FAILED');
  });

  it('claims: 409 ALREADY_CLAIMED for another moderator, renewable by the claimer, 403 on one’s own message', async () => {
    const second = await registerMember(t, 'betrayed');
    await joinGroup(second, a.groupId);
    expect(
      (await admin.post(`/api/groups/${a.groupId}/moderators`).send({ userId: second.id })).status,
    ).toBe(201);
    const { item } = await itemAbout(a.members[0], a, ABUSE);
    const claimed = await a.moderator.post(`/api/moderation/queue/${item.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toEqual({ id: a.moderator.id, handle: a.moderator.handle });
    expectError(
      await second.post(`/api/moderation/queue/${item.id}/claim`),
      409,
      'ALREADY_CLAIMED',
    );
    expect((await a.moderator.post(`/api/moderation/queue/${item.id}/claim`)).status).toBe(200);

    const own = await itemAbout(second, a, ABUSE);
    expectError(await second.post(`/api/moderation/queue/${own.item.id}/claim`), 403, 'FORBIDDEN');
    expectError(await resolve(second, own.item.id, { action: 'approve' }), 403, 'FORBIDDEN');
    expect((await resolve(a.moderator, own.item.id, { action: 'approve' })).status).toBe(200);
    expect((await resolve(a.moderator, item.id, { action: 'approve' })).status).toBe(200);
    expectError(
      await a.moderator.post(`/api/moderation/queue/${item.id}/claim`),
      409,
      'ALREADY_RESOLVED',
    );
  });

  it('refuses bad resolutions with 400 and changes nothing: unknown action, mute without or with a bad duration, a duration for another action, unknown fields, a long note', async () => {
    const { item } = await itemAbout(a.members[0], a, ABUSE);
    const bad = [
      { action: 'delete' },
      {},
      { action: 'mute' },
      { action: 'mute', durationMinutes: 0 },
      { action: 'mute', durationMinutes: 43201 },
      { action: 'mute', durationMinutes: 1.5 },
      { action: 'mute', durationMinutes: '60' },
      { action: 'warn', durationMinutes: 60 },
      { action: 'warn', extra: true },
      { action: 'warn', note: 'x'.repeat(1001) },
    ];
    for (const body of bad)
      expectError(await resolve(a.moderator, item.id, body), 400, 'VALIDATION_FAILED');
    const still = await a.moderator.get(`/api/moderation/queue/${item.id}`);
    expect(still.body).toMatchObject({ status: 'open', resolution: null });
    expect((await resolve(a.moderator, item.id, { action: 'approve' })).status).toBe(200);
    expectError(
      await resolve(a.moderator, item.id, { action: 'approve' }),
      409,
      'ALREADY_RESOLVED',
    );
  });

  it('remove takes the message away on every open socket and tells the author kindly which rule applied, with the moderator’s note as written', async () => {
    const [author, reader] = a.members;
    const { message, item } = await itemAbout(author, a, ABUSE);
    const [authorSocket, readerSocket] = await Promise.all([connect(author), connect(reader)]);
    const removedForReader = nextEvent(
      readerSocket,
      'message:removed',
      (p) => p.messageId === message.id,
    );
    const notice = nextEvent(authorSocket, 'notification', (n) => n.kind === 'moderation_notice');
    // The service trims a note (a note of only spaces is none); inside it, nothing changes.
    const written = 'Please keep it kind: "no names", \u201cno labels\u201d \u{1F64F}';
    const res = await resolve(a.moderator, item.id, {
      action: 'remove',
      note: `  ${written} \n`,
    });
    expect(res.status).toBe(200);
    expect(res.body.resolution).toEqual({
      action: 'remove',
      note: written,
      actor: { id: a.moderator.id, handle: a.moderator.handle },
      at: expect.any(String),
    });
    expect(res.body.message).toMatchObject({ id: message.id, status: 'removed', body: ABUSE });
    expect(await removedForReader).toEqual({ groupId: a.groupId, messageId: message.id });
    const told = await notice;
    expect(told.payload).toEqual({
      groupId: a.groupId,
      messageId: message.id,
      action: 'remove',
      note: written,
      text: expect.stringMatching(/removed one of your messages.*respectful.*Thank you/),
    });
    expect(told.payload.text).not.toMatch(/kind:|no names|no labels|\u{1F64F}|moderator added/u);
    expect(told.payload.text).not.toContain(a.name);
    const stored = (await author.get('/api/notifications')).body.items.find(
      (n: { kind: string; payload: { messageId: string } }) =>
        n.kind === 'moderation_notice' && n.payload.messageId === message.id,
    );
    expect(stored.payload).toEqual(told.payload);
    expect(await asSeenBy(reader, a.groupId, message.id)).toMatchObject({
      status: 'removed',
      body: null,
    });
  });

  it('warn tells the author with a moderation_notice (note null when the moderator wrote none) and leaves the message as it was', async () => {
    const author = a.members[1];
    const { message, item } = await itemAbout(author, a, ABUSE);
    const authorSocket = await connect(author);
    const notice = nextEvent(
      authorSocket,
      'notification',
      (n) => n.kind === 'moderation_notice' && n.payload.messageId === message.id,
    );
    const res = await resolve(a.moderator, item.id, { action: 'warn', note: ' \n ' });
    expect(res.status).toBe(200);
    expect(res.body.resolution).toMatchObject({ action: 'warn', note: null });
    expect((await notice).payload).toEqual({
      groupId: a.groupId,
      messageId: message.id,
      action: 'warn',
      note: null,
      text: expect.stringMatching(/gentle reminder/),
    });
    expect(await asSeenBy(a.members[0], a.groupId, message.id)).toMatchObject({
      status: 'visible',
      body: ABUSE,
    });
  });

  it('mute stops the author posting at once on their open socket (MUTED), for the given minutes', async () => {
    const author = a.members[1];
    const { item } = await itemAbout(author, a, ABUSE);
    const authorSocket = await connect(author);
    const res = await resolve(a.moderator, item.id, {
      action: 'mute',
      durationMinutes: 30,
      note: 'cool-off',
    });
    expect(res.status).toBe(200);
    const ack = await emitAck(authorSocket, 'message:send', {
      groupId: a.groupId,
      body: 'hello again',
      clientId: 'after-mute',
    });
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 403, code: 'MUTED' } });
    expectError(
      await author
        .post(`/api/groups/${a.groupId}/messages`)
        .send({ body: 'hi', clientId: 'after-mute-rest' }),
      403,
      'MUTED',
    );
  });

  it('ban removes the author from the group on their open socket (group:removed) and they cannot rejoin', async () => {
    const author = a.members[2];
    const { item } = await itemAbout(author, a, ABUSE);
    const authorSocket = await connect(author);
    const removed = nextEvent(authorSocket, 'group:removed');
    const res = await resolve(a.moderator, item.id, { action: 'ban', note: 'repeated abuse' });
    expect(res.status).toBe(200);
    expect(await removed).toEqual({ groupId: a.groupId, reason: 'banned' });
    expectError(
      await author.post(`/api/groups/${a.groupId}/join`).send({ acceptGuidelines: true }),
      403,
      'BANNED',
    );
    expectError(await author.get(`/api/groups/${a.groupId}/messages`), 403, 'BANNED');
    const members = await a.moderator.get(`/api/groups/${a.groupId}/members`);
    expect(members.body.items.map((m: { user: { id: string } }) => m.user.id)).not.toContain(
      author.id,
    );
    // The open socket has left the group's room: the group's next message does not reach it.
    const later = expectNoEvent(authorSocket, 'message:new', 1000);
    await post(a.members[0], a.groupId, 'Welcome to the new week, everyone');
    await later;
  });

  it('keeps every action in the audit log with who, what, on whom and why, newest first, for the group’s moderators and admins', async () => {
    const res = await a.moderator.get(`/api/moderation/audit?groupId=${a.groupId}`);
    expect(res.status).toBe(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    for (const action of ['approve', 'remove', 'warn', 'mute', 'ban'])
      expect(actions).toContain(action);
    expect(actions[0]).toBe('ban');
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      actor: { id: a.moderator.id, handle: a.moderator.handle },
      action: 'ban',
      target: { userId: a.members[2].id, messageId: expect.any(String) },
      groupId: a.groupId,
      note: 'repeated abuse',
      createdAt: expect.any(String),
    });
    const times = res.body.items.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const fromAdmin = await admin.get('/api/moderation/audit');
    expect(fromAdmin.body.items.map((e: { groupId: string }) => e.groupId)).toEqual(
      expect.arrayContaining([a.groupId, b.groupId]),
    );
    const fromA = await a.moderator.get('/api/moderation/audit');
    expect(fromA.body.items.every((e: { groupId: string }) => e.groupId === a.groupId)).toBe(true);
  });
});
