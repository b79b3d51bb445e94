import { DataSource } from 'typeorm';
import { ScreeningService } from '@kintsugi/moderation';
import { startApp, TestApp } from '../../support/app';
import { loginAdmin } from '../../support/members';
import { asSeenBy, Circle, moderatedGroup, openItem, post } from './moderation.fixture';

const OWN_LINE = {
  name: 'County Listening Line',
  contact: 'Call 0800 123 4567 or visit help.example.org',
  region: 'Our county',
};

/**
 * A member who points another to help must not have the message hidden as personal details:
 * the one it is meant for may need it now. Tried: a national hotline, a well-known help site,
 * the deployment's own line and site from CRISIS_RESOURCES; and, still hidden, a number one
 * digit off that line.
 */
describe('help that members point each other to', () => {
  let t: TestApp;
  let circle: Circle;

  beforeAll(async () => {
    t = await startApp({ CRISIS_RESOURCES: JSON.stringify([OWN_LINE]) });
    circle = await moderatedGroup(t, await loginAdmin(t), 'betrayed', 2);
  });

  afterAll(() => t.close());

  /** Why the message is in the review queue, if it is: the classifier may see more in it. */
  const reasonsFor = async (messageId: string): Promise<string[]> =>
    (
      (await t.app
        .get(DataSource)
        .query(`SELECT reasons FROM review_items WHERE message_id = $1`, [messageId])) as {
        reasons: { category: string }[];
      }[]
    ).flatMap((row) => row.reasons.map((r) => r.category));

  it.each([
    'The DV hotline is 1-800-799-7233 if he ever scares you',
    'findahelpline.com lists a line for every country',
    'our county line is 0800 123 4567, they were kind to me',
    'they have a chat at https://help.example.org/chat most evenings',
  ])('leaves "%s" in sight of the group, never held as personal details', async (body) => {
    const [author, reader] = circle.members;
    const message = await post(author, circle.groupId, body);
    await t.app.get(ScreeningService).screen(message.id);
    expect(await reasonsFor(message.id)).not.toContain('personal_details');
    expect(await asSeenBy(reader, circle.groupId, message.id)).toMatchObject({
      status: 'visible',
      body,
    });
  });

  it("still hides a member's own number that is one digit off the line", async () => {
    const message = await post(circle.members[0], circle.groupId, 'mine is 0800 123 4568, text me');
    await t.app.get(ScreeningService).screen(message.id);
    const item = await openItem(circle.moderator, message.id);
    expect(item.reasons).toEqual([
      { source: 'auto', category: 'personal_details', detail: 'phone number' },
    ]);
    expect(await asSeenBy(circle.members[1], circle.groupId, message.id)).toMatchObject({
      status: 'hidden',
      body: null,
    });
  });
});
