import { DataSource } from 'typeorm';
import { type ReviewItemView, ScreeningService } from '@kintsugi/moderation';
import { startApp, TestApp } from '../../support/app';
import { loginAdmin, Member } from '../../support/members';
import { expectNoEvent, nextEvent, trackSockets } from '../../support/sockets';
import { eventually } from '../../support/eventually';
import { asSeenBy, Circle, moderatedGroup, openItem, post, sleep } from './moderation.fixture';

const CRISIS = "I want to end my life tonight, I can't do this anymore";
const PHONE = 'call me on 07700 900123 any time';
const THREAT = 'I am going to kill him when I see him tomorrow';
const ABUSE = 'you are a worthless idiot and everyone hates you';
const CLEAN = 'We had a calmer week, thank you all for listening';

/** DESIGN.md invariant 6 over real sockets: screening catches, hides and alerts within seconds. */
describe('screening every message', () => {
  let t: TestApp;
  let admin: Member;
  let circle: Circle;
  let other: Circle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
    circle = await moderatedGroup(t, admin, 'betrayed', 2);
    other = await moderatedGroup(t, admin, 'betrayed', 0);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    // The server announces a closed socket's presence asynchronously; let it finish before Redis closes.
    await sleep(300);
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  const count = async (sql: string, params: unknown[]) =>
    Number((await t.app.get(DataSource).query(sql, params))[0].n);

  it('turns a crisis message into an urgent item, private crisis resources for the author and an alert to online moderators and admins, within 5 s', async () => {
    const [author, bystander] = circle.members;
    const [authorSocket, modSocket, adminSocket, bystanderSocket, otherModSocket] =
      await Promise.all([
        connect(author),
        connect(circle.moderator),
        connect(admin),
        connect(bystander),
        connect(other.moderator),
      ]);
    const notified = nextEvent(authorSocket, 'notification', (n) => n.kind === 'crisis_resources');
    const started = Date.now();
    const message = await post(author, circle.groupId, CRISIS);
    const isIt = (p: { item: ReviewItemView }) => p.item.message.id === message.id;
    const [modAlert, adminAlert, notification] = await Promise.all([
      nextEvent(modSocket, 'moderation:alert', isIt),
      nextEvent(adminSocket, 'moderation:alert', isIt),
      notified,
    ]);
    expect(Date.now() - started).toBeLessThan(5000);

    expect(modAlert.item).toEqual({
      id: expect.any(String),
      message: expect.objectContaining({ id: message.id, body: CRISIS, status: 'visible' }),
      group: { id: circle.groupId, name: circle.name },
      author: { id: author.id, handle: author.handle },
      reasons: [{ source: 'auto', category: 'crisis', detail: expect.any(String) }],
      priority: 'urgent',
      status: 'open',
      createdAt: expect.any(String),
      claimedBy: null,
      context: expect.any(Array),
      resolution: null,
    });
    expect(adminAlert.item.id).toBe(modAlert.item.id);
    expect(notification).toEqual({
      id: expect.any(String),
      kind: 'crisis_resources',
      payload: {
        messageId: message.id,
        resources: expect.arrayContaining([
          expect.objectContaining({
            name: 'Samaritans',
            contact: expect.stringMatching(/116 123/),
          }),
        ]),
      },
      createdAt: expect.any(String),
      readAt: null,
    });
    // The alert is for the group's moderators and admins only; the resources for the author only.
    await Promise.all([
      expectNoEvent(bystanderSocket, 'moderation:alert', 500),
      expectNoEvent(otherModSocket, 'moderation:alert', 500),
      expectNoEvent(bystanderSocket, 'notification', 500),
    ]);
    const item = await openItem(circle.moderator, message.id);
    expect(item.priority).toBe('urgent');
    const own = await author.get('/api/notifications');
    expect(
      own.body.items.filter((n: { kind: string }) => n.kind === 'crisis_resources'),
    ).toHaveLength(1);
  });

  it('hides a message with a phone number from other members within 5 s, tells the author why, and shows it again after approve', async () => {
    const [author, reader] = circle.members;
    const [authorSocket, readerSocket] = await Promise.all([connect(author), connect(reader)]);
    const started = Date.now();
    const hiddenForReader = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.status === 'hidden',
    );
    const hiddenForAuthor = nextEvent(
      authorSocket,
      'message:updated',
      (p) => p.message.status === 'hidden' && p.message.body !== null,
    );
    const message = await post(author, circle.groupId, PHONE);
    const [seenByReader, seenByAuthor] = await Promise.all([hiddenForReader, hiddenForAuthor]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(seenByReader.message).toMatchObject({ id: message.id, status: 'hidden', body: null });
    expect(seenByReader.message.hiddenReason).toBeUndefined();
    expect(seenByAuthor.message).toMatchObject({ body: PHONE, hiddenReason: 'personal_details' });
    expect(await asSeenBy(reader, circle.groupId, message.id)).toMatchObject({
      status: 'hidden',
      body: null,
    });

    const item = await openItem(circle.moderator, message.id);
    expect(item.priority).toBe('high');
    expect(item.message.body).toBe(PHONE);
    expect(item.reasons).toEqual([
      { source: 'auto', category: 'personal_details', detail: 'phone number' },
    ]);
    expect(JSON.stringify(item.reasons)).not.toContain('900123');

    const visibleAgain = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.id === message.id && p.message.status === 'visible',
    );
    const approved = await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('resolved');
    expect((await visibleAgain).message.body).toBe(PHONE);
    expect(await asSeenBy(reader, circle.groupId, message.id)).toMatchObject({
      status: 'visible',
      body: PHONE,
    });
  });

  it('makes a threat an urgent item whose abuse reason names it a threat, with an alert', async () => {
    const modSocket = await connect(circle.moderator);
    const message = await post(circle.members[0], circle.groupId, THREAT);
    const alert = await nextEvent(
      modSocket,
      'moderation:alert',
      (p) => p.item.message.id === message.id,
    );
    expect(alert.item.priority).toBe('urgent');
    // A classifier may add that it wonders about a crisis too ("possible_crisis"); never a sure one.
    expect(alert.item.reasons).toContainEqual({
      source: 'auto',
      category: 'abuse',
      detail: expect.stringMatching(/threat/),
    });
    expect(alert.item.reasons.map((r: { category: string }) => r.category)).not.toContain('crisis');
  });

  it('makes abuse a high item without an alert, and leaves a clean message alone', async () => {
    const modSocket = await connect(circle.moderator);
    const abusive = await post(circle.members[1], circle.groupId, ABUSE);
    const clean = await post(circle.members[1], circle.groupId, CLEAN);
    const item = await openItem(circle.moderator, abusive.id);
    expect(item.priority).toBe('high');
    expect(item.reasons.every((r: { category: string }) => r.category === 'abuse')).toBe(true);
    expect(item.context.map((m: { id: string }) => m.id)).not.toContain(abusive.id);
    expect(item.context.length).toBeLessThanOrEqual(5);
    await expectNoEvent(modSocket, 'moderation:alert', 1000);
    expect(
      await count(`SELECT count(*) AS n FROM review_items WHERE message_id = $1`, [clean.id]),
    ).toBe(0);
    expect(await asSeenBy(circle.members[0], circle.groupId, clean.id)).toMatchObject({
      status: 'visible',
      body: CLEAN,
    });
  });

  it('screens an edit too: a message edited to hold an e-mail address is hidden', async () => {
    const [author, reader] = circle.members;
    const message = await post(author, circle.groupId, CLEAN);
    const readerSocket = await connect(reader);
    const hidden = nextEvent(
      readerSocket,
      'message:updated',
      (p) => p.message.id === message.id && p.message.status === 'hidden',
    );
    const edited = await author
      .patch(`/api/messages/${message.id}`)
      .send({ body: 'message me at sam.jones@example.com' });
    expect(edited.status).toBe(200);
    expect((await hidden).message.body).toBeNull();
    const item = await openItem(circle.moderator, message.id);
    expect(item.reasons).toEqual([
      { source: 'auto', category: 'personal_details', detail: 'e-mail address' },
    ]);
  });

  it('is idempotent: the same screening run twice at once and again later leaves one item and one notification', async () => {
    const author = circle.members[0];
    const message = await post(author, circle.groupId, `${CRISIS}. Call me on 07700 900456.`);
    const screening = t.app.get(ScreeningService);
    await Promise.all([screening.screen(message.id), screening.screen(message.id, true)]);
    await screening.screen(message.id);
    // ...and the queued job, which runs as well.
    await eventually(
      async () =>
        (await count(`SELECT count(*) AS n FROM review_items WHERE message_id = $1`, [
          message.id,
        ])) > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      await count(`SELECT count(*) AS n FROM review_items WHERE message_id = $1`, [message.id]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM notifications WHERE payload->>'messageId' = $1`, [
        message.id,
      ]),
    ).toBe(1);
    const item = await openItem(circle.moderator, message.id);
    expect(item.priority).toBe('urgent');
    expect(item.reasons.map((r: { category: string }) => r.category).sort()).toEqual([
      'crisis',
      'personal_details',
    ]);
  });

  it('does nothing for a message deleted by its author, or one that no longer exists', async () => {
    const author = circle.members[0];
    const message = await post(author, circle.groupId, ABUSE);
    const item = await openItem(circle.moderator, message.id);
    const approved = await circle.moderator
      .post(`/api/moderation/queue/${item.id}/resolve`)
      .send({ action: 'approve' });
    expect(approved.status).toBe(200);
    const deleted = await author.delete(`/api/messages/${message.id}`);
    expect(deleted.status).toBe(204);
    // Screening a message with a resolved item would open a new one, were it not removed.
    await t.app.get(ScreeningService).screen(message.id, true);
    await t.app.get(ScreeningService).screen('00000000-0000-4000-8000-000000000000');
    expect(
      await count(
        `SELECT count(*) AS n FROM review_items WHERE message_id = $1 AND status = 'open'`,
        [message.id],
      ),
    ).toBe(0);
  });
});
