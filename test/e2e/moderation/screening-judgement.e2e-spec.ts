import { screenMessage, type ReviewItemView } from '@kintsugi/moderation';
import { readSet } from '../../../libs/moderation/src/screening/eval/labelled-sets';
import { startApp, TestApp } from '../../support/app';
import { loginAdmin, Member } from '../../support/members';
import { expectNoEvent, nextEvent, trackSockets } from '../../support/sockets';
import { eventually } from '../../support/eventually';
import { Circle, moderatedGroup, openItem, post, sleep } from './moderation.fixture';

const INDIRECT_CRISIS =
  "I gave the dog to my sister and wrote letters for the kids. They'll all be better off once I'm gone.";

/**
 * A message the committed model is unsure about: which labelled messages fall in its grey band
 * depends on the weights, so the test asks the model for one from the training and dev sets.
 */
function greyBandMessage(): string {
  const found = [...readSet('dev'), ...readSet('train')].find((m) => {
    const verdict = screenMessage(m.text);
    return (
      verdict.priority === 'normal' &&
      verdict.findings.every((f) => f.category === 'possible_crisis')
    );
  });
  if (!found) throw new Error('no labelled message falls in the grey band of the committed model');
  return found.text;
}

/** Issue 13 through the API: what the screeners are sure of and unsure about reach the right people. */
describe('screening judgement', () => {
  let t: TestApp;
  let admin: Member;
  let circle: Circle;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
    circle = await moderatedGroup(t, admin, 'betrayed', 1);
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await sleep(300);
    await t.close();
  });

  it('sends an indirect crisis to moderators as urgent, with crisis resources to the author', async () => {
    const [author] = circle.members;
    const [authorSocket, modSocket] = await Promise.all([
      sockets.connect(t, author),
      sockets.connect(t, circle.moderator),
    ]);
    const resources = nextEvent(authorSocket, 'notification', (n) => n.kind === 'crisis_resources');
    const message = await post(author, circle.groupId, INDIRECT_CRISIS);
    const alert = await nextEvent(
      modSocket,
      'moderation:alert',
      (p: { item: ReviewItemView }) => p.item.message.id === message.id,
    );
    expect(alert.item.priority).toBe('urgent');
    expect(alert.item.reasons.map((r) => r.category)).toContain('crisis');
    expect((await resources).payload).toMatchObject({ messageId: message.id });
  });

  it('puts a message it is unsure about in the queue at normal priority as a possible crisis, without an alert or resources', async () => {
    const grey = greyBandMessage();
    const [author] = circle.members;
    const [authorSocket, modSocket] = await Promise.all([
      sockets.connect(t, author),
      sockets.connect(t, circle.moderator),
    ]);
    const message = await post(author, circle.groupId, grey);
    const item = await openItem(circle.moderator, message.id);
    expect(item).toMatchObject({
      priority: 'normal',
      reasons: [{ source: 'auto', category: 'possible_crisis', detail: expect.any(String) }],
      message: expect.objectContaining({ id: message.id, status: 'visible' }),
    });
    await Promise.all([
      expectNoEvent(modSocket, 'moderation:alert', 1000),
      expectNoEvent(authorSocket, 'notification', 1000),
    ]);
    const own = await author.get('/api/notifications');
    expect(
      own.body.items.filter(
        (n: { kind: string; payload: { messageId?: string } }) =>
          n.kind === 'crisis_resources' && n.payload.messageId === message.id,
      ),
    ).toEqual([]);
  });

  it('lists possible crises after urgent and high items in the queue', async () => {
    const [author] = circle.members;
    await post(author, circle.groupId, 'email me at someone.else@example.com');
    const queue = await eventually(async () => {
      const res = await circle.moderator.get(`/api/moderation/queue?groupId=${circle.groupId}`);
      const items = res.body.items as ReviewItemView[];
      return items.some((i) => i.priority === 'high') ? items : undefined;
    });
    const order = { urgent: 0, high: 1, normal: 2 } as const;
    const ranks = queue.map((i) => order[i.priority]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
