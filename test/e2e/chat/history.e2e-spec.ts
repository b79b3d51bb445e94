import { DataSource } from 'typeorm';
import { MessagesService } from '@kintsugi/chat';
import { startApp, TestApp } from '../../support/app';
import { chatCircle, clientId } from '../../support/chat';
import { expectError } from '../../support/expect-error';
import type { Member } from '../../support/members';
import { closeAll, emitAck, socketFor } from '../../support/sockets';

jest.setTimeout(60_000);

interface Page {
  items: {
    id: string;
    seq: number;
    body: string | null;
    hiddenReason?: string | null;
    status: string;
  }[];
  nextCursor: number | null;
}

/** History cursors on seq (no gaps, no duplicates) and the changes feed. */
describe('message history and changes', () => {
  let t: TestApp;
  let admin: Member;
  let ana: Member;
  let ben: Member;
  let groupId: string;

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    ({ admin, ana, ben, groupId } = await chatCircle(t));
    for (let i = 1; i <= 150; i++) {
      const res = await ana
        .post(`/api/groups/${groupId}/messages`)
        .send({ body: `message ${i}`, clientId: `h-${i}` });
      if (res.status !== 201) throw new Error(`send ${i}: ${res.status}`);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const page = async (query: string): Promise<Page> => {
    const res = await ben.get(`/api/groups/${groupId}/messages?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('pages 150 messages backwards with before, 7 at a time, newest first, without gaps or duplicates', async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const res: Page = await page(`limit=7${cursor === null ? '' : `&before=${cursor}`}`);
      expect(res.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.items.map((m) => m.seq));
      cursor = res.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(22);
    expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => 150 - i));
  });

  it('pages forwards with after, 7 at a time, oldest first, ending with nextCursor null', async () => {
    const seen: number[] = [];
    let cursor: number | null = 0;
    while (cursor !== null) {
      const res: Page = await page(`limit=7&after=${cursor}`);
      seen.push(...res.items.map((m) => m.seq));
      cursor = res.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  it('defaults to the newest 50', async () => {
    const res = await page('');
    expect(res.items.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 150 - i));
    expect(res.nextCursor).toBe(101);
  });

  it('refuses bad cursors and limits with 400: limit 0, limit 101, limit abc, before and after together, negative after', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'before=5&after=2',
      'after=-1',
      'before=x',
      'extra=1',
    ]) {
      expectError(
        await ben.get(`/api/groups/${groupId}/messages?${query}`),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('lets a client that missed messages while disconnected recover exactly those with after', async () => {
    const sock = await socketFor(t, ben);
    const ack = await emitAck(sock, 'message:send', {
      groupId,
      body: 'before the gap',
      clientId: clientId(),
    });
    const lastSeen = (ack.message as { seq: number }).seq;
    sock.close();
    const missed: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await ana
        .post(`/api/groups/${groupId}/messages`)
        .send({ body: `while away ${i}`, clientId: clientId() });
      missed.push(res.body.seq);
    }
    const again = await socketFor(t, ben);
    const recovered: number[] = [];
    let cursor: number | null = lastSeen;
    while (cursor !== null) {
      const res: Page = await page(`after=${cursor}&limit=4`);
      recovered.push(...res.items.map((m) => m.seq));
      cursor = res.nextCursor;
    }
    expect(recovered).toEqual(missed);
    closeAll(again);
  });

  it('starts the changes feed at the current cursor with no items, and then lists each changed message once, in its latest state, oldest change first', async () => {
    const start = await ben.get(`/api/groups/${groupId}/messages/changes`);
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ items: [], nextCursor: expect.any(String) });
    const first = await page('after=0&limit=3');
    const [m1, m2, m3] = first.items;
    expect((await ana.patch(`/api/messages/${m1.id}`).send({ body: 'edited once' })).status).toBe(
      200,
    );
    expect((await ben.post(`/api/messages/${m2.id}/reactions`).send({ kind: 'hug' })).status).toBe(
      201,
    );
    expect((await ana.patch(`/api/messages/${m1.id}`).send({ body: 'edited twice' })).status).toBe(
      200,
    );
    expect((await ana.delete(`/api/messages/${m3.id}`)).status).toBe(204);

    const changes = await ben.get(
      `/api/groups/${groupId}/messages/changes?since=${start.body.nextCursor}`,
    );
    expect(changes.status).toBe(200);
    expect(changes.body.items.map((m: { id: string }) => m.id)).toEqual([m2.id, m1.id, m3.id]);
    const [c2, c1, c3] = changes.body.items;
    expect(c1.body).toBe('edited twice');
    expect(c1.editedAt).toEqual(expect.any(String));
    expect(c2.reactions).toEqual({
      counts: { heart: 0, hug: 1, hear_you: 0, strength: 0 },
      mine: ['hug'],
    });
    expect(c3).toMatchObject({ status: 'removed', body: null });

    const after = await ben.get(
      `/api/groups/${groupId}/messages/changes?since=${changes.body.nextCursor}`,
    );
    expect(after.body).toEqual({ items: [], nextCursor: changes.body.nextCursor });
    const paged = await ben.get(
      `/api/groups/${groupId}/messages/changes?since=${start.body.nextCursor}&limit=2`,
    );
    expect(paged.body.items).toHaveLength(2);
    const rest = await ben.get(
      `/api/groups/${groupId}/messages/changes?since=${paged.body.nextCursor}`,
    );
    expect(rest.body.items.map((m: { id: string }) => m.id)).toEqual([m3.id]);
  });

  it('refuses a malformed since with 400', async () => {
    for (const since of ['abc', '-1', '1.5']) {
      expectError(
        await ben.get(`/api/groups/${groupId}/messages/changes?since=${since}`),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('shows a hidden message as body null to others, with its text and reason to the author, and the reason to moderators and admins', async () => {
    const sent = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'my number is in here', clientId: clientId() });
    const messages = t.app.get(MessagesService);
    await t.app
      .get(DataSource)
      .transaction((tx) => messages.setStatus(tx, sent.body.id, 'hidden', 'personal_details'));
    await messages.announce(sent.body.id);
    const find = async (m: Member) =>
      (await m.get(`/api/groups/${groupId}/messages?limit=1`)).body.items[0];
    expect(await find(ben)).toMatchObject({ id: sent.body.id, status: 'hidden', body: null });
    expect(await find(ben)).not.toHaveProperty('hiddenReason');
    expect(await find(ana)).toMatchObject({
      body: 'my number is in here',
      hiddenReason: 'personal_details',
    });
    expect(await find(admin)).toMatchObject({ body: null, hiddenReason: 'personal_details' });
    const review = await messages.forReview(sent.body.id);
    expect(review.message.body).toBe('my number is in here');
    expect(review.group.id).toBe(groupId);
    const context = await messages.context(groupId, sent.body.seq);
    expect(context.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5].map((i) => sent.body.seq - 6 + i));
  });

  it('uses the (group_id, seq) index for a page, whatever the depth', async () => {
    const plan: { 'QUERY PLAN': string }[] = await t.app
      .get(DataSource)
      .query(
        `EXPLAIN SELECT id FROM messages WHERE group_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 51`,
        [groupId, 100],
      );
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(
      /Index Scan Backward using messages_group_id_seq_key/,
    );
  });

  it('exports the caller’s own messages in GET /api/me/export', async () => {
    const res = await ana.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.body.messages.length).toBeGreaterThanOrEqual(150);
    expect(res.body.messages[1]).toMatchObject({ body: 'message 2', seq: 2, groupId });
    const benExport = await ben.get('/api/me/export');
    expect(
      benExport.body.messages.every((m: { author: { id: string } }) => m.author.id === ben.id),
    ).toBe(true);
  });
});
