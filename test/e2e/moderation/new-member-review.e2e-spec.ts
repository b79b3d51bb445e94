import { DataSource } from 'typeorm';
import type { MessageView } from '@kintsugi/chat';
import type { ReviewItemView } from '@kintsugi/moderation';
import { startApp, TestApp } from '../../support/app';
import { clientId } from '../../support/chat';
import { eventually } from '../../support/eventually';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import {
  emitAck,
  expectNoEvent,
  nextEvent,
  trackSockets,
  type ClientSocket,
} from '../../support/sockets';
import { openItem, post, sleep } from './moderation.fixture';

const HELLO = 'Hello everyone, I found this group last night and I am glad it exists.';
const ABUSE = 'you are a worthless idiot and everyone hates you';
const PHONE = 'call me on 07700 900123 any time';

/** A group with new-member review on, its own moderator, and a member who reads along. */
interface ReviewCircle {
  groupId: string;
  moderator: Member;
  reader: Member;
}

async function reviewCircle(t: TestApp, admin: Member, posts = 2): Promise<ReviewCircle> {
  const group = await createGroup(admin, 'betrayed', { newMemberReview: { enabled: true, posts } });
  const [moderator, reader] = await Promise.all([
    registerMember(t, 'betrayed'),
    registerMember(t, 'betrayed'),
  ]);
  await joinGroup(moderator, group.id);
  await joinGroup(reader, group.id);
  await admin.post(`/api/groups/${group.id}/moderators`).send({ userId: moderator.id }).expect(201);
  return { groupId: group.id, moderator, reader };
}

async function newcomer(t: TestApp, groupId: string): Promise<Member> {
  const member = await registerMember(t, 'betrayed');
  await joinGroup(member, groupId);
  return member;
}

const history = async (reader: Member, groupId: string, query = 'limit=100') =>
  (await reader.get(`/api/groups/${groupId}/messages?${query}`)).body.items as MessageView[];

const changesCursor = async (reader: Member, groupId: string) =>
  (await reader.get(`/api/groups/${groupId}/messages/changes`)).body.nextCursor as string;

const changesSince = async (reader: Member, groupId: string, since: string) =>
  (await reader.get(`/api/groups/${groupId}/messages/changes?since=${since}`)).body
    .items as MessageView[];

const sendOver = async (socket: ClientSocket, groupId: string, body: string) => {
  const ack = await emitAck<{ ok: boolean; message: MessageView }>(socket, 'message:send', {
    groupId,
    body,
    clientId: clientId(),
  });
  expect(ack.ok).toBe(true);
  return ack.message;
};

/** Issue 15, part 3: a newcomer's first posts in a group with review on are held until reviewed. */
describe('new-member review (hold long enough for a moderator)', () => {
  let t: TestApp;
  let admin: Member;
  let circle: ReviewCircle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ NEW_MEMBER_HOLD: '10m' });
    admin = await loginAdmin(t);
    circle = await reviewCircle(t, admin, 2);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await sleep(300);
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  it('acks a newcomer’s post with its seq as usual, shows it to its author as pending with the kind reason, and tells the others nothing (no message:new, not in history, not in changes)', async () => {
    const ana = await newcomer(t, circle.groupId);
    const [anaSocket, readerSocket] = await Promise.all([connect(ana), connect(circle.reader)]);
    const cursor = await changesCursor(circle.reader, circle.groupId);
    const own = nextEvent(anaSocket, 'message:new');
    const readerHears = expectNoEvent(readerSocket, 'message:new', 1500);

    const acked = await sendOver(anaSocket, circle.groupId, HELLO);
    expect(acked).toMatchObject({
      groupId: circle.groupId,
      seq: expect.any(Number),
      author: { id: ana.id, handle: ana.handle },
      body: HELLO,
      status: 'pending',
      hiddenReason: 'new_member_review',
    });
    expect((await own).message).toMatchObject({
      id: acked.id,
      status: 'pending',
      body: HELLO,
      hiddenReason: 'new_member_review',
    });
    await readerHears;

    expect((await history(circle.reader, circle.groupId)).map((m) => m.id)).not.toContain(acked.id);
    expect(
      (await history(circle.reader, circle.groupId, `after=${acked.seq - 1}`)).map((m) => m.id),
    ).not.toContain(acked.id);
    expect(
      (await changesSince(circle.reader, circle.groupId, cursor)).map((m) => m.id),
    ).not.toContain(acked.id);
    expect((await history(ana, circle.groupId)).find((m) => m.id === acked.id)).toMatchObject({
      status: 'pending',
      body: HELLO,
      hiddenReason: 'new_member_review',
    });

    // Others cannot reach it by id either: 404 as for a message that does not exist.
    expectError(
      await circle.reader.post(`/api/messages/${acked.id}/reactions`).send({ kind: 'hug' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await circle.reader.post(`/api/messages/${acked.id}/flags`).send({ reason: 'spam' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await circle.reader.patch(`/api/messages/${acked.id}`).send({ body: 'x' }),
      404,
      'NOT_FOUND',
    );
  });

  it('lists the held post in the review queue at normal priority with a new_member reason, after urgent and high items', async () => {
    const ana = await newcomer(t, circle.groupId);
    const held = await post(ana, circle.groupId, HELLO);
    expect(held.status).toBe('pending');
    const item = await openItem(circle.moderator, held.id);
    expect(item).toMatchObject({
      priority: 'normal',
      status: 'open',
      reasons: [{ source: 'auto', category: 'new_member', detail: expect.any(String) }],
      message: { id: held.id, body: HELLO, status: 'pending', hiddenReason: 'new_member_review' },
      author: { id: ana.id, handle: ana.handle },
    });
    // A message the screeners flag (from a member who is not held) comes first.
    const abusive = await post(circle.moderator, circle.groupId, ABUSE);
    await openItem(admin, abusive.id);
    const queue = (await admin.get(`/api/moderation/queue?groupId=${circle.groupId}`)).body
      .items as ReviewItemView[];
    const order = queue.map((i) => i.message.id);
    expect(order.indexOf(abusive.id)).toBeLessThan(order.indexOf(held.id));
  });

  it('shows the post when a moderator approves it: the others then get it as message:updated, and find it in history and changes', async () => {
    const ana = await newcomer(t, circle.groupId);
    const readerSocket = await connect(circle.reader);
    const held = await post(ana, circle.groupId, HELLO);
    const item = await openItem(circle.moderator, held.id);
    const cursor = await changesCursor(circle.reader, circle.groupId);
    const shown = nextEvent(readerSocket, 'message:updated', (p) => p.message.id === held.id);

    const resolved = await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'approve', note: 'Welcome.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolution).toMatchObject({
      action: 'approve',
      actor: { id: circle.moderator.id },
    });

    expect((await shown).message).toMatchObject({
      id: held.id,
      seq: held.seq,
      status: 'visible',
      body: HELLO,
      author: { id: ana.id, handle: ana.handle },
    });
    expect((await shown).message).not.toHaveProperty('hiddenReason');
    expect(
      (await history(circle.reader, circle.groupId)).find((m) => m.id === held.id),
    ).toMatchObject({ status: 'visible', body: HELLO });
    expect(
      (await changesSince(circle.reader, circle.groupId, cursor)).find((m) => m.id === held.id),
    ).toMatchObject({ status: 'visible', body: HELLO });
    const audit = (await admin.get(`/api/moderation/audit?groupId=${circle.groupId}`)).body.items;
    expect(audit[0]).toMatchObject({ action: 'approve', target: { messageId: held.id } });
  });

  it('holds only a new member’s first N posts (shown, pending or removed, each counts); the next is visible at once', async () => {
    const ana = await newcomer(t, circle.groupId);
    const first = await post(ana, circle.groupId, 'First hello.');
    const item = await openItem(circle.moderator, first.id);
    await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'approve' })
      .expect(200);
    const second = await post(ana, circle.groupId, 'Second, still finding my feet.');
    expect(second.status).toBe('pending');
    const third = await post(ana, circle.groupId, 'Third: thank you for listening.');
    expect(third.status).toBe('visible');
  });

  it('never holds the group’s moderators or admins', async () => {
    await joinGroup(admin, circle.groupId);
    expect((await post(circle.moderator, circle.groupId, 'Welcome, all.')).status).toBe('visible');
    expect((await post(admin, circle.groupId, 'Hello from the team.')).status).toBe('visible');
  });

  it('keeps seq gapless for clients: the others read the held seq as unused, and a reconnecting client’s `after` cursor skips it without losing anything', async () => {
    const ana = await newcomer(t, circle.groupId);
    const held = await post(ana, circle.groupId, HELLO);
    const next = await post(circle.moderator, circle.groupId, 'A moderator’s note.');
    expect(next.seq).toBe(held.seq + 1);
    const seen = await history(circle.reader, circle.groupId, `after=${held.seq - 1}`);
    expect(seen.map((m) => m.seq)).toEqual([next.seq]);
    expect((await history(ana, circle.groupId, `after=${held.seq - 1}`)).map((m) => m.seq)).toEqual(
      [held.seq, next.seq],
    );
  });

  it('a held post a moderator removes stays absent for the others (no message:removed, no placeholder); its author is told, and it still counts as one of their first posts', async () => {
    const ana = await newcomer(t, circle.groupId);
    const [anaSocket, readerSocket] = await Promise.all([connect(ana), connect(circle.reader)]);
    const held = await post(ana, circle.groupId, 'Buy cheap watches at my shop');
    const item = await openItem(circle.moderator, held.id);
    const cursor = await changesCursor(circle.reader, circle.groupId);
    const authorTold = nextEvent(anaSocket, 'message:removed', (p) => p.messageId === held.id);
    const readerHears = expectNoEvent(readerSocket, 'message:removed', 1500);
    await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'remove' })
      .expect(200);
    await authorTold;
    await readerHears;
    expect((await history(circle.reader, circle.groupId)).map((m) => m.id)).not.toContain(held.id);
    expect(
      (await changesSince(circle.reader, circle.groupId, cursor)).map((m) => m.id),
    ).not.toContain(held.id);
    expect((await history(ana, circle.groupId)).find((m) => m.id === held.id)).toMatchObject({
      status: 'removed',
      body: null,
    });
    expect((await post(ana, circle.groupId, 'Sorry, I am new.')).status).toBe('pending');
    expect((await post(ana, circle.groupId, 'Thank you all.')).status).toBe('visible');
  });

  it('holds exactly the first N of a newcomer’s posts sent at once (one commit batch), the earliest by seq', async () => {
    const ana = await newcomer(t, circle.groupId);
    const socket = await connect(ana);
    const sent = await Promise.all(
      ['one', 'two', 'three', 'four'].map((word) =>
        sendOver(socket, circle.groupId, `Post ${word}.`),
      ),
    );
    const bySeq = [...sent].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((m) => m.status)).toEqual(['pending', 'pending', 'visible', 'visible']);
  });

  it('does not hold members who joined before review was turned on; turning it off and on again starts it anew', async () => {
    const group = await createGroup(admin, 'betrayed');
    const before = await newcomer(t, group.id);
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: true, posts: 1 } })
      .expect(200);
    expect((await post(before, group.id, 'I was here before.')).status).toBe('visible');
    const during = await newcomer(t, group.id);
    // Changing the number while it is on does not start it again.
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: true, posts: 2 } })
      .expect(200);
    expect((await post(during, group.id, 'Hello.')).status).toBe('pending');
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: false } })
      .expect(200);
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: true } })
      .expect(200);
    expect((await post(during, group.id, 'Hello again.')).status).toBe('visible');
    const after = await newcomer(t, group.id);
    expect((await post(after, group.id, 'Hi, new here.')).status).toBe('pending');
  });

  it('holds a member who leaves and joins again as a new member', async () => {
    const ana = await newcomer(t, circle.groupId);
    await post(ana, circle.groupId, 'One.');
    await post(ana, circle.groupId, 'Two.');
    expect((await post(ana, circle.groupId, 'Three.')).status).toBe('visible');
    await ana.post(`/api/groups/${circle.groupId}/leave`).expect(204);
    await joinGroup(ana, circle.groupId);
    expect((await post(ana, circle.groupId, 'Back again.')).status).toBe('pending');
  });

  it('a held post its author deletes is gone for them and never announced to the group', async () => {
    const ana = await newcomer(t, circle.groupId);
    const readerSocket = await connect(circle.reader);
    const held = await post(ana, circle.groupId, 'Actually, never mind.');
    const readerHears = expectNoEvent(readerSocket, 'message:removed', 1000);
    await ana.delete(`/api/messages/${held.id}`).expect(204);
    await readerHears;
  });

  it('changes nothing in a group with the setting off: a newcomer’s post is visible, broadcast and not queued', async () => {
    const group = await createGroup(admin, 'betrayed');
    const [ana, reader] = await Promise.all([
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
    ]);
    await joinGroup(ana, group.id);
    await joinGroup(reader, group.id);
    const readerSocket = await connect(reader);
    const heard = nextEvent(readerSocket, 'message:new');
    const sent = await post(ana, group.id, HELLO);
    expect(sent.status).toBe('visible');
    expect(sent).not.toHaveProperty('hiddenReason');
    expect((await heard).message).toMatchObject({ id: sent.id, status: 'visible', body: HELLO });
    expect((await history(reader, group.id)).map((m) => m.id)).toContain(sent.id);
    await sleep(500); // screening has run by now
    const queue = (await admin.get(`/api/moderation/queue?groupId=${group.id}`)).body.items;
    expect(queue).toEqual([]);

    // Turned on and off again: posts are visible again from then on.
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: true } })
      .expect(200);
    const newer = await newcomer(t, group.id);
    expect((await post(newer, group.id, 'Held while it is on.')).status).toBe('pending');
    await admin
      .patch(`/api/groups/${group.id}`)
      .send({ newMemberReview: { enabled: false } })
      .expect(200);
    expect((await post(newer, group.id, 'Visible once it is off.')).status).toBe('visible');
  });
});

describe('new-member review (short NEW_MEMBER_HOLD)', () => {
  const HOLD_MS = 1500;
  let t: TestApp;
  let admin: Member;
  let circle: ReviewCircle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ NEW_MEMBER_HOLD: `${HOLD_MS}ms` });
    admin = await loginAdmin(t);
    circle = await reviewCircle(t, admin, 3);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await sleep(300);
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);
  const auditCount = async () =>
    Number(
      (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_entries`))[0].n,
    );

  it('shows a post screening passes once NEW_MEMBER_HOLD has passed with no moderator decision: others get message:updated, the item is resolved as approve with no actor, nothing is audited', async () => {
    const ana = await newcomer(t, circle.groupId);
    const readerSocket = await connect(circle.reader);
    const audited = await auditCount();
    const readerHearsNothingNew = expectNoEvent(readerSocket, 'message:new', 1000);
    const started = Date.now();
    const held = await post(ana, circle.groupId, HELLO);
    expect(held.status).toBe('pending');
    const shown = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.id === held.id,
      10_000,
    );
    const item = await openItem(circle.moderator, held.id);
    await readerHearsNothingNew;

    expect((await shown).message).toMatchObject({ id: held.id, status: 'visible', body: HELLO });
    expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS - 100);
    expect(
      (await history(circle.reader, circle.groupId)).find((m) => m.id === held.id),
    ).toMatchObject({ status: 'visible', body: HELLO });
    const after = (await admin.get(`/api/moderation/queue/${item.id}`)).body;
    expect(after).toMatchObject({
      status: 'resolved',
      resolution: { action: 'approve', actor: null, note: expect.stringMatching(/automatically/) },
    });
    expect(await auditCount()).toBe(audited);
  });

  it('keeps a post screening flags held after NEW_MEMBER_HOLD: abuse stays pending and absent, its item open at high priority with both reasons', async () => {
    const ana = await newcomer(t, circle.groupId);
    const readerSocket = await connect(circle.reader);
    const held = await post(ana, circle.groupId, ABUSE);
    const readerHears = expectNoEvent(readerSocket, 'message:updated', HOLD_MS + 2000);
    const item = await eventually(async () => {
      const found = await openItem(circle.moderator, held.id);
      return found.reasons.length >= 2 ? found : undefined;
    });
    expect(item.priority).toBe('high');
    expect(item.reasons.map((r) => r.category).sort()).toEqual(['abuse', 'new_member']);
    await readerHears;
    expect((await history(circle.reader, circle.groupId)).map((m) => m.id)).not.toContain(held.id);
    expect((await history(ana, circle.groupId)).find((m) => m.id === held.id)?.status).toBe(
      'pending',
    );
    expect((await admin.get(`/api/moderation/queue/${item.id}`)).body.status).toBe('open');
  });

  it('hides a held post with personal details (status hidden, reason personal_details for its author) and keeps it from the others after NEW_MEMBER_HOLD', async () => {
    const ana = await newcomer(t, circle.groupId);
    const [anaSocket, readerSocket] = await Promise.all([connect(ana), connect(circle.reader)]);
    const authorTold = nextEvent(
      anaSocket,
      'message:updated',
      (p) => p.message.status === 'hidden',
    );
    const readerHears = expectNoEvent(readerSocket, 'message:updated', HOLD_MS + 2000);
    const held = await post(ana, circle.groupId, PHONE);
    expect((await authorTold).message).toMatchObject({
      id: held.id,
      body: PHONE,
      hiddenReason: 'personal_details',
    });
    await readerHears;
    expect((await history(circle.reader, circle.groupId)).map((m) => m.id)).not.toContain(held.id);
    const item = await openItem(circle.moderator, held.id);
    expect(item.priority).toBe('high');
    expect(item.message.status).toBe('hidden');

    // A moderator may still show it: then, and only then, the others get it.
    const shown = nextEvent(readerSocket, 'message:updated', (p) => p.message.id === held.id);
    await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'approve' })
      .expect(200);
    expect((await shown).message).toMatchObject({ status: 'visible', body: PHONE });
  });

  it('does nothing when a moderator decided first: a warned post stays held after NEW_MEMBER_HOLD', async () => {
    const ana = await newcomer(t, circle.groupId);
    const held = await post(ana, circle.groupId, 'Is anyone here tonight?');
    const item = await openItem(circle.moderator, held.id);
    await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'warn' })
      .expect(200);
    await sleep(HOLD_MS + 1500);
    expect((await history(circle.reader, circle.groupId)).map((m) => m.id)).not.toContain(held.id);
    expect((await history(ana, circle.groupId)).find((m) => m.id === held.id)?.status).toBe(
      'pending',
    );
  });
});
