import { DataSource } from 'typeorm';
import { screenMessage } from '@kintsugi/moderation';
import { readReviewLabels } from '../../../libs/moderation/src/screening/eval/labelled-sets';
import { startApp, TestApp } from '../../support/app';
import { loginAdmin, Member } from '../../support/members';
import { databaseUrl } from '../../support/test-env';
import { Circle, moderatedGroup, openItem, post } from './moderation.fixture';

const PERSONAL = 'my cousin runs a bakery, reach her at bakes@crumbs.example.com';
// Harassment in words the screeners may not know: members flag it, a moderator removes it. The
// test takes one that the committed screeners pass.
const SUBTLE = [
  'everyone here can see you for the clown show you are',
  'nobody in this group is buying your sob story, sweetheart',
  'maybe if you looked in a mirror you would understand why',
  'keep posting, we all enjoy laughing at you',
  'another novel from our resident drama queen, how lovely',
  'we get it, you are the main character',
  'cool story, tell it again next week',
  'same time next week for the next episode then',
  'take a number, we have all heard it',
  'here we go again with the Tuesday speech',
];
const MISSED = SUBTLE.find((text) => screenMessage(text).priority === null);

/** Issue 13: moderators' decisions in the review queue become labels the screeners learn from. */
describe('review labels', () => {
  let t: TestApp;
  let admin: Member;
  let circle: Circle;
  const labels = () => readReviewLabels(databaseUrl(t.database));
  const resolve = (itemId: string, action: string) =>
    circle.moderator.post(`/api/moderation/queue/${itemId}/resolve`).send({ action });

  beforeAll(async () => {
    t = await startApp({ MOD_AUTOHIDE_FLAGS: '10' });
    admin = await loginAdmin(t);
    circle = await moderatedGroup(t, admin, 'betrayed', 3);
  });

  afterAll(() => t.close());

  it('keeps an approved message that the screener hid as an example without personal details', async () => {
    const [author] = circle.members;
    const message = await post(author, circle.groupId, PERSONAL);
    const item = await openItem(circle.moderator, message.id);
    expect(item.message.status).toBe('hidden');
    expect((await resolve(item.id, 'approve')).status).toBe(200);
    expect(await labels()).toContainEqual({
      text: PERSONAL,
      labels: [],
      absent: ['personal_details'],
      tags: ['review'],
    });
  });

  it('keeps a removed message that members flagged and the screener passed as an example of what they flagged', async () => {
    if (!MISSED) throw new Error('every subtle message is caught by the committed screeners');
    const [author, first, second] = circle.members;
    const message = await post(author, circle.groupId, MISSED);
    for (const member of [first, second])
      expect(
        (await member.post(`/api/messages/${message.id}/flags`).send({ reason: 'harassment' }))
          .status,
      ).toBe(201);
    const item = await openItem(circle.moderator, message.id);
    expect(item.reasons.every((r) => r.source === 'member')).toBe(true);
    expect((await resolve(item.id, 'remove')).status).toBe(200);
    expect(await labels()).toContainEqual({
      text: MISSED,
      labels: ['abuse'],
      absent: [],
      tags: ['review'],
    });
  });

  it('learns nothing from a decision that agrees with the screener or names no category', async () => {
    const [author, first] = circle.members;
    const before = (await labels()).length;
    const spam = await post(author, circle.groupId, 'join my fantastic group everyone');
    await first.post(`/api/messages/${spam.id}/flags`).send({ reason: 'spam' });
    expect((await resolve((await openItem(circle.moderator, spam.id)).id, 'remove')).status).toBe(
      200,
    );
    const threat = await post(
      author,
      circle.groupId,
      'I am going to kill him when he gets home tonight',
    );
    expect((await resolve((await openItem(circle.moderator, threat.id)).id, 'warn')).status).toBe(
      200,
    );
    expect(await labels()).toHaveLength(before);
  });

  it('drops an example once its message is edited, and erases the author’s examples with them', async () => {
    const [, , author] = circle.members;
    const message = await post(author, circle.groupId, 'you can find me at my.name@example.org');
    const item = await openItem(circle.moderator, message.id);
    await resolve(item.id, 'approve');
    const mine = async () =>
      (await labels()).filter((l) => l.text.includes('my.name@example.org') || l.text === 'edited');
    expect(await mine()).toHaveLength(1);

    expect(
      (await author.patch(`/api/messages/${message.id}`).send({ body: 'edited' })).status,
    ).toBe(200);
    expect(await mine()).toHaveLength(0);

    const count = async () =>
      Number(
        (
          await t.app
            .get(DataSource)
            .query(
              `SELECT count(*) AS n FROM screening_examples e JOIN messages m ON m.id = e.message_id WHERE m.author_id = $1`,
              [author.id],
            )
        )[0].n,
      );
    expect(await count()).toBe(1);
    expect((await author.delete('/api/me').send({ password: author.password })).status).toBe(204);
    expect(await count()).toBe(0);
  });
});
