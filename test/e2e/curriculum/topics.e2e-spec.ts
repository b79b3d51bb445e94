import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { Member, registerMember } from '../../support/members';

describe('the guide topics', () => {
  let t: TestApp;
  let member: Member;
  beforeAll(async () => {
    t = await startApp();
    member = await registerMember(t, 'betrayed');
  });
  afterAll(() => t.close());

  it('a fresh database has all 30 topics in guide order', async () => {
    const res = await member.get('/api/topics');
    expect(res.status).toBe(200);
    expect(res.body.items.map((topic: { order: number }) => topic.order)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    for (const topic of res.body.items) {
      expect(topic.prompts.length).toBeGreaterThanOrEqual(3);
      expect(topic.prompts.length).toBeLessThanOrEqual(5);
      expect(topic.part).toBeGreaterThanOrEqual(1);
      expect(topic.part).toBeLessThanOrEqual(10);
    }
  });

  it.each([
    ['betrayed', ['betrayed', 'both']],
    ['unfaithful', ['unfaithful', 'both']],
    ['both', ['both']],
  ])('?audience=%s returns %j topics only', async (audience, allowed) => {
    const res = await member.get(`/api/topics?audience=${audience}`);
    expect(res.status).toBe(200);
    const audiences = new Set(res.body.items.map((topic: { audience: string }) => topic.audience));
    expect([...audiences].sort()).toEqual([...allowed].sort());
  });

  it('places the healing sections under their audience', async () => {
    const items = (await member.get('/api/topics')).body.items as {
      audience: string;
      partTitle: string;
    }[];
    expect(
      items
        .filter((topic) => topic.audience === 'betrayed')
        .every((topic) => topic.partTitle === 'Healing for the Betrayed Partner'),
    ).toBe(true);
    expect(items.filter((topic) => topic.audience === 'unfaithful')).toHaveLength(3);
  });

  it('gets one topic by slug, 404 for an unknown one', async () => {
    const list = (await member.get('/api/topics')).body.items;
    const res = await member.get(`/api/topics/${list[4].slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(list[4]);
    expectError(await member.get('/api/topics/no-such-topic'), 404, 'NOT_FOUND');
  });

  it.each(['all', 'BETRAYED', '', 'both,betrayed'])(
    'refuses ?audience=%j with 400',
    async (audience) => {
      expectError(
        await member.get(`/api/topics?audience=${encodeURIComponent(audience)}`),
        400,
        'VALIDATION_FAILED',
      );
    },
  );

  it('needs a token', async () => {
    expectError(await t.http().get('/api/topics'), 401, 'UNAUTHENTICATED');
  });
});
