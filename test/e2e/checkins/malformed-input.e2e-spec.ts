import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { Member, registerMember } from '../../support/members';

const SCALES = { safety: 3, honesty: 4, communication: 2, selfCare: 5, hope: 4 };
const SCALE_NAMES = Object.keys(SCALES);
const without = (key: string) =>
  Object.fromEntries(Object.entries(SCALES).filter(([k]) => k !== key));
/** A code point outside the Basic Multilingual Plane: two UTF-16 units, one character. */
const EMOJI = '\u{1F33F}';

/**
 * DESIGN.md invariant 7 on every check-in door: each bad input is a 4xx in the API.md error
 * shape and changes nothing (no check-in stored, none deleted, the reminder setting as it was).
 */
describe('check-ins refuse bad input', () => {
  let t: TestApp;
  let db: DataSource;
  let ana: Member;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
    ana = await registerMember(t);
  });
  afterAll(() => t.close());

  const stored = async (member: Member) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM checkins WHERE user_id = $1`, [member.id]))[0].n,
    );
  const rawPost = (path: string, text: string) =>
    t
      .http()
      .post(path)
      .set('Authorization', `Bearer ${ana.accessToken}`)
      .set('Content-Type', 'application/json')
      .send(text);

  const badBodies: [string, unknown][] = [
    ...SCALE_NAMES.map((k): [string, unknown] => [`missing ${k}`, without(k)]),
    ['an empty object', {}],
    ['an extra field (mood)', { ...SCALES, mood: 3 }],
    ['an extra field (day, chosen by the client)', { ...SCALES, day: '2026-01-01' }],
    ...SCALE_NAMES.flatMap((k): [string, unknown][] => [
      [`${k} 0`, { ...SCALES, [k]: 0 }],
      [`${k} 6`, { ...SCALES, [k]: 6 }],
      [`${k} 2.5`, { ...SCALES, [k]: 2.5 }],
      [`${k} "3" (a string)`, { ...SCALES, [k]: '3' }],
    ]),
    ['safety -1', { ...SCALES, safety: -1 }],
    ['honesty 1e3', { ...SCALES, honesty: 1e3 }],
    ['hope true', { ...SCALES, hope: true }],
    ['hope null', { ...SCALES, hope: null }],
    ['hope [3]', { ...SCALES, hope: [3] }],
    ['hope {}', { ...SCALES, hope: {} }],
    ['a note of 2,001 code points', { ...SCALES, note: EMOJI.repeat(2001) }],
    ['a note of 2,001 ASCII letters', { ...SCALES, note: 'a'.repeat(2001) }],
    ['a note that is a number', { ...SCALES, note: 5 }],
    ['a note that is an object', { ...SCALES, note: { text: 'hi' } }],
    ['a note with a NUL character', { ...SCALES, note: 'nul\u0000here' }],
    ['a note with a lone surrogate', { ...SCALES, note: 'lone\ud800' }],
    ['an array body', [SCALES]],
  ];

  it.each(badBodies)(
    'POST /api/me/checkins refuses %s with 400 VALIDATION_FAILED and stores nothing',
    async (_name, body) => {
      const res = await ana.post('/api/me/checkins').send(body as object);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.any(Object)]));
      expect(await stored(ana)).toBe(0);
    },
  );

  it.each([
    ['a __proto__ key', `{"__proto__":{"safety":5},${JSON.stringify(SCALES).slice(1)}`],
    ['a constructor key', `{"constructor":1,${JSON.stringify(SCALES).slice(1)}`],
    ['a prototype key', `{"prototype":1,${JSON.stringify(SCALES).slice(1)}`],
    ['a nested __proto__ note', `{"note":{"__proto__":"x"},${JSON.stringify(SCALES).slice(1)}`],
    ['text that is not JSON', '{safety: 3'],
    ['a JSON string', '"3,4,2,5,4"'],
    ['JSON null', 'null'],
  ])(
    'POST /api/me/checkins refuses %s with 400 VALIDATION_FAILED and stores nothing',
    async (_name, text) => {
      const res = await rawPost('/api/me/checkins', text);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await stored(ana)).toBe(0);
    },
  );

  it('POST /api/me/checkins takes a note of exactly 2,000 code points (4,000 UTF-16 units), and null as no note', async () => {
    const long = await ana.post('/api/me/checkins').send({ ...SCALES, note: EMOJI.repeat(2000) });
    expect(long.status).toBe(201);
    expect([...long.body.note]).toHaveLength(2000);
    await ana.delete(`/api/me/checkins/${long.body.id}`).expect(204);
    const none = await ana.post('/api/me/checkins').send({ ...SCALES, note: null });
    expect(none.status).toBe(201);
    expect(none.body.note).toBeNull();
    await ana.delete(`/api/me/checkins/${none.body.id}`).expect(204);
  });

  it.each([
    ['from 2026-02-30 (no such day)', 'from=2026-02-30'],
    ['to 2026-13-01 (no such month)', 'to=2026-13-01'],
    ['from with a time (2026-11-24T00:00:00Z)', 'from=2026-11-24T00:00:00Z'],
    ['from written 24/11/2026', 'from=24%2F11%2F2026'],
    ['to as a word (yesterday)', 'to=yesterday'],
    ['an empty from', 'from='],
    ['from twice', 'from=2026-11-01&from=2026-11-02'],
    ['from after to', 'from=2026-11-25&to=2026-11-24'],
    ['a range of 367 days', 'from=2025-01-01&to=2026-01-03'],
    ['an unknown parameter (limit)', 'limit=5'],
    ['a __proto__ parameter', '__proto__=x'],
  ])('GET /api/me/checkins refuses %s with 400 VALIDATION_FAILED', async (_name, query) => {
    const res = await ana.get(`/api/me/checkins?${query}`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details[0]).toEqual({ field: expect.any(String), problem: expect.any(String) });
  });

  it('GET /api/me/checkins takes a range of exactly 367 days (366 after from)', async () => {
    const res = await ana.get('/api/me/checkins?from=2025-01-01&to=2026-01-02');
    expect(res.status).toBe(200);
  });

  it('DELETE /api/me/checkins/:id answers 404 NOT_FOUND for a malformed id, a missing id, another member’s id and a deleted one, and deletes nothing', async () => {
    const ben = await registerMember(t);
    const bens = await ben.post('/api/me/checkins').send(SCALES);
    const mine = await ana.post('/api/me/checkins').send(SCALES);
    const deleted = await registerMember(t);
    const gone = await deleted.post('/api/me/checkins').send(SCALES);
    await deleted.delete(`/api/me/checkins/${gone.body.id}`).expect(204);

    for (const id of [
      'abc',
      '1',
      `${bens.body.id}x`,
      encodeURIComponent("' OR 1=1 --"),
      '00000000-0000-4000-8000-000000000000',
      bens.body.id,
      gone.body.id,
    ])
      expectError(await ana.delete(`/api/me/checkins/${id}`), 404, 'NOT_FOUND');
    expect(await stored(ben)).toBe(1);
    expect(await stored(ana)).toBe(1);
    await ana.delete(`/api/me/checkins/${mine.body.id}`).expect(204);
  });

  it.each([
    ['a missing weekly', {}],
    ['weekly "true" (a string)', { weekly: 'true' }],
    ['weekly 1', { weekly: 1 }],
    ['weekly null', { weekly: null }],
    ['an extra field (hour)', { weekly: true, hour: 9 }],
  ])(
    'PUT /api/me/checkins/reminder refuses %s with 400 VALIDATION_FAILED and leaves the setting as it was',
    async (_name, body) => {
      const res = await ana.put('/api/me/checkins/reminder').send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect((await ana.get('/api/me/checkins/reminder')).body).toEqual({ weekly: false });
    },
  );

  it('PUT /api/me/checkins/reminder refuses a __proto__ key with 400 VALIDATION_FAILED', async () => {
    const res = await t
      .http()
      .put('/api/me/checkins/reminder')
      .set('Authorization', `Bearer ${ana.accessToken}`)
      .set('Content-Type', 'application/json')
      .send('{"weekly":true,"__proto__":{"weekly":true}}');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect((await ana.get('/api/me/checkins/reminder')).body).toEqual({ weekly: false });
  });
});
