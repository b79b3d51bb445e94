import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../../support/app';
import { chatCircle, clientId } from '../../support/chat';
import { expectError } from '../../support/expect-error';
import { joinGroup } from '../../support/groups';
import { Member, registerMember } from '../../support/members';
import {
  AckAnswer,
  collect,
  emitAck,
  expectNoEvent,
  nextEvent,
  trackSockets,
} from '../../support/sockets';
import { eventually } from '../../support/eventually';

jest.setTimeout(30_000);

/** DESIGN.md invariant 3: the ack follows the commit; seq has no gaps; retries are safe. */
describe('sending messages (REST and socket share one path)', () => {
  let t: TestApp;
  let ana: Member;
  let ben: Member;
  let groupId: string;
  const sockets = trackSockets();

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    ({ ana, ben, groupId } = await chatCircle(t));
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await t.close();
  });

  const connect = (m: Member) => sockets.connect(t, m);

  it('answers 201 with the Message shape, seq 1 first, and the message is in history', async () => {
    const res = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'First words here', clientId: 'c-first' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      groupId,
      seq: 1,
      author: { id: ana.id, handle: ana.handle },
      body: 'First words here',
      clientId: 'c-first',
      createdAt: expect.any(String),
      editedAt: null,
      status: 'visible',
      sessionId: null,
      reactions: { counts: { heart: 0, hug: 0, hear_you: 0, strength: 0 }, mine: [] },
    });
    const history = await ben.get(`/api/groups/${groupId}/messages`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((m: { id: string }) => m.id)).toContain(res.body.id);
  });

  it('acks a socket send only once the message is readable over REST, and broadcasts it to the sender too', async () => {
    const [sa, sb] = [await connect(ana), await connect(ben)];
    const seenByBen = nextEvent(sb, 'message:new');
    const seenByAna = nextEvent(sa, 'message:new');
    const ack = await emitAck(sa, 'message:send', {
      groupId,
      body: 'over the socket',
      clientId: clientId(),
    });
    expect(ack.ok).toBe(true);
    const message = ack.message as { id: string; seq: number };
    // Read right at the ack: it must already be committed.
    const read = await ben.get(`/api/groups/${groupId}/messages?after=${message.seq - 1}&limit=1`);
    expect(read.body.items[0].id).toBe(message.id);
    expect((await seenByBen).message).toEqual(message);
    expect((await seenByAna).message.id).toBe(message.id);
  });

  it('writes a screening job for the message in the same transaction (outbox, queue moderation)', async () => {
    const res = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'please screen me', clientId: clientId() });
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT queue, job_name, job_id, payload FROM outbox WHERE job_id = $1`, [
        `screen-batch-${res.body.id}`,
      ]);
    expect(rows).toEqual([
      {
        queue: 'moderation',
        job_name: 'screen-messages',
        job_id: `screen-batch-${res.body.id}`,
        payload: { messageIds: [res.body.id] },
      },
    ]);
  });

  it('names every message of concurrent sends in exactly one screening job, batched with the others of its commit', async () => {
    const sends = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? ana : ben)
          .post(`/api/groups/${groupId}/messages`)
          .send({ body: `at once ${i}`, clientId: clientId() }),
      ),
    );
    const ids = sends.map((res) => res.body.id as string);
    const rows: { payload: { messageIds: string[] } }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT payload FROM outbox WHERE job_name = 'screen-messages' AND payload->'messageIds' ?| $1`,
        [ids],
      );
    const named = rows.flatMap((r) => r.payload.messageIds);
    expect([...named].sort()).toEqual([...ids].sort());
    expect(rows.length).toBeLessThanOrEqual(ids.length);
  });

  it('returns the original for a repeated clientId, 200 over REST and ok over the socket, and broadcasts nothing', async () => {
    const id = clientId();
    const first = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'once', clientId: id });
    expect(first.status).toBe(201);
    const sb = await connect(ben);
    const again = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: 'a different body', clientId: id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const sa = await connect(ana);
    const ack = await emitAck(sa, 'message:send', { groupId, body: 'third try', clientId: id });
    expect(ack).toEqual({ ok: true, message: first.body });
    await expectNoEvent(sb, 'message:new', 500);
  });

  it('answers racing duplicates with one message and the original for the others', async () => {
    const id = clientId();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        ana.post(`/api/groups/${groupId}/messages`).send({ body: 'race', clientId: id }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM messages WHERE client_id = $1`, [id]);
    expect(n).toBe(1);
  });

  it('gives three concurrent senders gapless seqs, and every receiver sees message:new in seq order', async () => {
    const cara = await registerMember(t);
    await joinGroup(cara, groupId);
    const senders = [ana, ben, cara];
    const sockets3 = await Promise.all(senders.map(connect));
    const watcher = await connect(ben);
    const received = [watcher, ...sockets3].map((s) =>
      collect<{ message: { seq: number } }>(s, 'message:new'),
    );
    const before = (await ana.get(`/api/groups/${groupId}/messages?limit=1`)).body.items[0].seq;
    const perSender = 20;
    const acks = await Promise.all(
      sockets3.map((s) =>
        Promise.all(
          Array.from({ length: perSender }, (_, i) =>
            emitAck(s, 'message:send', { groupId, body: `n ${i}`, clientId: clientId() }),
          ),
        ),
      ),
    );
    const seqs = acks
      .flat()
      .map((a) => (a.message as { seq: number }).seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 3 * perSender }, (_, i) => before + 1 + i));
    await eventually(() => received.every((r) => r.length >= 3 * perSender));
    for (const r of received) expect(r.map((e) => e.message.seq)).toEqual(seqs);
  });

  it('gives back every announcement lock once sends stop, after racing duplicates too', async () => {
    const id = clientId();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        ana.post(`/api/groups/${groupId}/messages`).send({ body: 'race again', clientId: id }),
      ),
    );
    // A lock left behind would stall every other API process's sends to the group.
    await eventually(async () => {
      const [{ held }] = await t.app.get(DataSource).query(
        `SELECT count(*)::int AS held FROM pg_locks
         WHERE locktype = 'advisory' AND classid = 7411002
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return held === 0;
    });
  });

  it('refuses bad bodies over REST with 400 and stores nothing: empty, white space only, 4001 code points, NUL, lone surrogate, unknown field, bad clientId', async () => {
    const bad = [
      { body: '', clientId: 'x1' },
      { body: '   \n ', clientId: 'x2' },
      { body: '😀'.repeat(4001), clientId: 'x3' },
      { body: 'a\u0000b', clientId: 'x4' },
      { body: 'a\uD800b', clientId: 'x5' },
      { body: 'ok', clientId: 'x6', extra: 1 },
      { body: 'ok', clientId: 'has space' },
      { body: 'ok', clientId: 'x'.repeat(65) },
      { body: 42, clientId: 'x7' },
      { body: 'ok' },
    ];
    for (const payload of bad) {
      const res = await ana.post(`/api/groups/${groupId}/messages`).send(payload);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM messages WHERE client_id LIKE 'x%'`);
    expect(n).toBe(0);
    const ok = await ana
      .post(`/api/groups/${groupId}/messages`)
      .send({ body: '😀'.repeat(4000), clientId: clientId() });
    expect(ok.status).toBe(201);
  });

  it('commits every message with the outbox row of its screening job (the workers relay it)', async () => {
    const rows: { id: string; jobs: number }[] = await t.app.get(DataSource).query(
      `SELECT m.id, count(o.id)::int AS jobs FROM messages m
         LEFT JOIN outbox o ON o.queue = 'moderation' AND o.job_name = 'screen-messages'
                           AND o.payload->'messageIds' ? m.id::text
        GROUP BY m.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ id: row.id, jobs: 1 });
  });

  it('answers the socket for malformed payloads with ok:false and stays connected: null, string, array, missing and extra fields, __proto__, over 64 KiB, no payload, a second argument, no ack', async () => {
    const sa = await connect(ana);
    const cases: [unknown, string][] = [
      [null, 'VALIDATION_FAILED'],
      ['just a string', 'VALIDATION_FAILED'],
      [[groupId, 'body'], 'VALIDATION_FAILED'],
      [{ groupId, body: 'no client id' }, 'VALIDATION_FAILED'],
      [{ groupId, body: 'x', clientId: clientId(), extra: true }, 'VALIDATION_FAILED'],
      [
        JSON.parse(
          `{"groupId":"${groupId}","body":"x","clientId":"p1","__proto__":{"admin":true}}`,
        ),
        'VALIDATION_FAILED',
      ],
      [{ groupId: 'not-a-uuid', body: 'x', clientId: clientId() }, 'VALIDATION_FAILED'],
      [{ groupId, body: 'x'.repeat(70 * 1024), clientId: clientId() }, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [payload, code] of cases) {
      const ack = await emitAck<AckAnswer>(sa, 'message:send', payload);
      expect({ ok: ack.ok, code: ack.error?.code }).toEqual({ ok: false, code });
      expect(ack.error?.statusCode).toBe(code === 'PAYLOAD_TOO_LARGE' ? 413 : 400);
    }
    const noPayload = await sa.timeout(5000).emitWithAck('message:send');
    const twoArguments = await sa
      .timeout(5000)
      .emitWithAck('message:send', { groupId, body: 'two arguments', clientId: clientId() }, 'x');
    for (const ack of [noPayload, twoArguments] as AckAnswer[])
      expect({ ok: ack.ok, code: ack.error?.code }).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
    const [{ stored }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS stored FROM messages WHERE body = 'two arguments'`);
    expect(stored).toBe(0);
    sa.emit('message:send', { groupId, body: 'no ack at all', clientId: clientId() });
    sa.emit('message:send', null);
    sa.emit('typing');
    const still = await emitAck(sa, 'message:send', {
      groupId,
      body: 'still here',
      clientId: clientId(),
    });
    expect(still.ok).toBe(true);
    expect(sa.connected).toBe(true);
  });
});
