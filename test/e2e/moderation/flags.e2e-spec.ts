import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { expectNoEvent, nextEvent, trackSockets } from '../../support/sockets';
import { asSeenBy, Circle, moderatedGroup, openItem, post, sleep } from './moderation.fixture';

const QUIET = 'Some days are better than others';

/** Members flag; MOD_AUTOHIDE_FLAGS of them hide a message until review. */
describe('flagging messages', () => {
  let t: TestApp;
  let admin: Member;
  let circle: Circle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ RATE_LIMIT_FLAG: '6/1h' });
    admin = await loginAdmin(t);
    circle = await moderatedGroup(t, admin, 'betrayed', 5);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    // The server announces a closed socket's presence asynchronously; let it finish before Redis closes.
    await sleep(300);
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  const flag = (by: Member, messageId: string, body: Record<string, unknown>) =>
    by.post(`/api/messages/${messageId}/flags`).send(body);

  it('answers 201 with the flag, joins the message’s one open item as a member reason at normal priority, and refuses a second flag by the same member with 409', async () => {
    const [author, first, second] = circle.members;
    const message = await post(author, circle.groupId, QUIET);
    const res = await flag(first, message.id, { reason: 'harassment', note: 'felt pointed at me' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      messageId: message.id,
      reason: 'harassment',
      note: 'felt pointed at me',
      createdAt: expect.any(String),
    });
    expectError(await flag(first, message.id, { reason: 'spam' }), 409, 'ALREADY_FLAGGED');
    expect((await flag(second, message.id, { reason: 'other' })).status).toBe(201);
    const item = await openItem(circle.moderator, message.id);
    expect(item.priority).toBe('normal');
    expect(item.reasons).toEqual([
      { source: 'member', category: 'harassment', detail: expect.any(String) },
      { source: 'member', category: 'other', detail: expect.any(String) },
    ]);
    expect(JSON.stringify(item)).not.toContain('felt pointed at me');
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM review_items WHERE message_id = $1`, [message.id]);
    expect(n).toBe(1);
    expect(await asSeenBy(author, circle.groupId, message.id)).toMatchObject({ status: 'visible' });
  });

  it('puts a member’s own flags, notes included, in their data export', async () => {
    const [author, flagger] = circle.members;
    const message = await post(author, circle.groupId, `${QUIET} exported`);
    expect((await flag(flagger, message.id, { reason: 'other', note: 'seemed off' })).status).toBe(
      201,
    );
    const exported = await flagger.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.flags).toContainEqual({
      id: expect.any(String),
      messageId: message.id,
      reason: 'other',
      note: 'seemed off',
      createdAt: expect.any(String),
    });
    const authors = await author.get('/api/me/export');
    expect(JSON.stringify(authors.body.flags ?? [])).not.toContain('seemed off');
  });

  it('hides a message flagged by three different members until review, on open sockets, and shows it again on approve', async () => {
    const [author, f1, f2, f3, reader] = circle.members;
    const message = await post(author, circle.groupId, QUIET);
    const [authorSocket, readerSocket] = await Promise.all([connect(author), connect(reader)]);
    expect((await flag(f1, message.id, { reason: 'spam' })).status).toBe(201);
    expect((await flag(f2, message.id, { reason: 'spam' })).status).toBe(201);
    expect(await asSeenBy(reader, circle.groupId, message.id)).toMatchObject({
      status: 'visible',
      body: QUIET,
    });
    const hiddenForReader = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.id === message.id,
    );
    const hiddenForAuthor = nextEvent(
      authorSocket,
      'message:updated',
      (p) => p.message.id === message.id && p.message.body !== null,
    );
    expect((await flag(f3, message.id, { reason: 'other' })).status).toBe(201);
    expect((await hiddenForReader).message).toMatchObject({ status: 'hidden', body: null });
    expect((await hiddenForAuthor).message).toMatchObject({
      status: 'hidden',
      body: QUIET,
      hiddenReason: 'flags',
    });
    expect(await asSeenBy(reader, circle.groupId, message.id)).toMatchObject({
      status: 'hidden',
      body: null,
    });

    const item = await openItem(circle.moderator, message.id);
    expect(item.reasons).toHaveLength(3);
    expect(item.message).toMatchObject({ body: QUIET, status: 'hidden' });
    const shown = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.id === message.id && p.message.status === 'visible',
    );
    expect(
      (
        await circle.moderator
          .post(`/api/moderation/queue/${item.id}/resolve`)
          .send({ action: 'approve' })
      ).status,
    ).toBe(200);
    expect((await shown).message.body).toBe(QUIET);
  });

  it('hides a message when three members flag it at the same moment (the last of them sees all three)', async () => {
    const [author, f1, f2, f3] = circle.members;
    const message = await post(author, circle.groupId, `${QUIET} together`);
    const answers = await Promise.all(
      [f1, f2, f3].map((m) => flag(m, message.id, { reason: 'spam' })),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await asSeenBy(f1, circle.groupId, message.id)).toMatchObject({
      status: 'hidden',
      body: null,
    });
    const item = await openItem(circle.moderator, message.id);
    expect(item.reasons).toHaveLength(3);
  });

  it('makes a crisis flag urgent: moderators are alerted and the author privately offered support', async () => {
    const [author, worried] = circle.members;
    // Words the screeners pass: the alert and the support must come from the member's flag alone.
    const message = await post(
      author,
      circle.groupId,
      'Long day again. Going to bed early tonight.',
    );
    const [modSocket, authorSocket] = await Promise.all([
      connect(circle.moderator),
      connect(author),
    ]);
    const alert = nextEvent(modSocket, 'moderation:alert', (p) => p.item.message.id === message.id);
    const support = nextEvent(
      authorSocket,
      'notification',
      (n) => n.kind === 'crisis_resources' && n.payload.messageId === message.id,
    );
    expect((await flag(worried, message.id, { reason: 'crisis' })).status).toBe(201);
    expect((await alert).item).toMatchObject({
      priority: 'urgent',
      reasons: expect.arrayContaining([
        { source: 'member', category: 'crisis', detail: expect.any(String) },
      ]),
    });
    expect((await support).payload.resources.length).toBeGreaterThan(0);
  });

  it('refuses bad flags with 400 (unknown reason, long note, unknown field, no body), 404 for unknown or removed messages, and 403 outside the group', async () => {
    const [author, member] = circle.members;
    const message = await post(author, circle.groupId, QUIET);
    expectError(await flag(member, message.id, { reason: 'rude' }), 400, 'VALIDATION_FAILED');
    expectError(
      await flag(member, message.id, { reason: 'spam', note: 'x'.repeat(501) }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await flag(member, message.id, { reason: 'spam', weight: 3 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await flag(member, message.id, {}), 400, 'VALIDATION_FAILED');
    expectError(
      await flag(member, '00000000-0000-4000-8000-000000000000', { reason: 'spam' }),
      404,
      'NOT_FOUND',
    );
    expectError(await flag(member, 'nope', { reason: 'spam' }), 404, 'NOT_FOUND');

    const outsider = await registerMember(t, 'betrayed');
    expectError(await flag(outsider, message.id, { reason: 'spam' }), 403, 'FORBIDDEN');
    const otherSide = await registerMember(t, 'unfaithful');
    expectError(await flag(otherSide, message.id, { reason: 'spam' }), 403, 'AUDIENCE_MISMATCH');

    const gone = await post(author, circle.groupId, QUIET);
    expect((await author.delete(`/api/messages/${gone.id}`)).status).toBe(204);
    expectError(await flag(member, gone.id, { reason: 'spam' }), 404, 'NOT_FOUND');
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM message_flags WHERE message_id = ANY($1)`, [
        [message.id, gone.id],
      ]);
    expect(n).toBe(0);
  });

  it('limits flags per member (RATE_LIMIT_FLAG, here 6/1h) with 429 and Retry-After, the refused flag changing nothing', async () => {
    const flagger = circle.members[4];
    const author = circle.members[0];
    const messages = [];
    for (let i = 0; i < 7; i++) messages.push(await post(author, circle.groupId, `${QUIET} ${i}`));
    const modSocket = await connect(circle.moderator);
    let accepted = 0;
    for (const m of messages.slice(0, 6))
      if ((await flag(flagger, m.id, { reason: 'spam' })).status === 201) accepted++;
    const refused = await flag(flagger, messages[6].id, { reason: 'spam' });
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(accepted).toBe(6);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM review_items WHERE message_id = $1`, [messages[6].id]);
    expect(n).toBe(0);
    await expectNoEvent(modSocket, 'moderation:alert', 300);
  });
});
