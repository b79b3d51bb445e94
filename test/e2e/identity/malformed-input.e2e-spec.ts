import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../../support/app';
import { createGroup, loginAdmin, Member, registerMember } from '../../support/members';

/**
 * DESIGN.md invariant 7, by property: generated malformed bodies thrown at the
 * doors that write. Each body is malformed on purpose (not an object, not
 * JSON, an unknown field, or one field wrong or missing while the others are
 * anything), so every answer must be a 4xx in the error shape, never a 5xx,
 * and nothing may be written.
 */
const OMIT = Symbol('omit');
type FieldValue = unknown | typeof OMIT;

/** A JSON object text built from entries, so `__proto__` can be a real key. */
const objectText = (entries: [string, FieldValue][]) =>
  `{${entries
    .filter(([, v]) => v !== OMIT)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')}}`;

const HANDLE = /^[A-Za-z0-9_-]{3,32}$/;
const isZone = (s: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s });
    return true;
  } catch {
    return false;
  }
};
const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);
const notStringNorNull = notString;
const notBoolean = fc.jsonValue().filter((v) => typeof v !== 'boolean');
const notStringOrNull = fc.oneof(notString, fc.constant(null));
const badZone = fc.oneof(
  notStringNorNull,
  fc.string().filter((s) => !isZone(s)),
  fc.constantFrom('+01:00', '-05:00', 'Z', 'GMT+1'),
);
const badEmail = fc.oneof(
  notStringNorNull,
  fc.string().filter((s) => !s.includes('@')),
  fc.constantFrom('a@b', '@x.example', 'x@'),
);
const badText = (max: number) =>
  fc.oneof(
    notStringOrNull,
    fc.constantFrom('', '   ', '\n\t', 'nul\u0000here', 'lone\ud800', 'bell\u0007'),
    fc.string({ minLength: max + 1, maxLength: max + 20 }),
    fc.constant(OMIT),
  );

interface BodySpec {
  /** For each field, values that make the body invalid (OMIT for a required field left out). */
  fields: Record<string, fc.Arbitrary<FieldValue>>;
}

/** A body text that is malformed in one of the ways above. */
function malformedBody(spec: BodySpec): fc.Arbitrary<string> {
  const names = Object.keys(spec.fields);
  const anything = fc.oneof(fc.jsonValue(), fc.constant(OMIT));
  const others = fc.tuple(...names.map(() => anything));
  const notAnObject = fc
    .oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.array(fc.jsonValue()))
    .map((v) => JSON.stringify(v));
  const notJson = fc.string({ minLength: 1 }).filter((s) => {
    if (s.trim() === '') return false;
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  });
  const unknownField = fc
    .tuple(
      others,
      fc
        .oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'roles', 'isAdmin'),
          fc.string({ minLength: 1 }),
        )
        .filter((k) => !names.includes(k)),
      fc.jsonValue(),
    )
    .map(([values, key, value]) =>
      objectText([...names.map((n, i): [string, FieldValue] => [n, values[i]]), [key, value]]),
    );
  const oneFieldWrong = fc
    .tuple(others, fc.integer({ min: 0, max: names.length - 1 }))
    .chain(([values, index]) =>
      spec.fields[names[index]].map((bad) =>
        objectText(names.map((n, i): [string, FieldValue] => [n, i === index ? bad : values[i]])),
      ),
    );
  return fc.oneof(notAnObject, notJson, unknownField, oneFieldWrong);
}

describe('malformed bodies are refused and change nothing (fast-check)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Member;
  let member: Member;
  let group: { id: string };

  const counts = async () =>
    (
      await db.query(`SELECT
        (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM refresh_tokens) AS refresh_tokens,
        (SELECT count(*)::int FROM refresh_tokens WHERE revoked_at IS NOT NULL OR used_at IS NOT NULL) AS spent_tokens,
        (SELECT count(*)::int FROM groups) AS groups,
        (SELECT count(*)::int FROM memberships) AS memberships,
        (SELECT json_agg(json_build_object('email', email, 'tz', timezone, 'prefs', notification_prefs) ORDER BY id) FROM users) AS profiles,
        (SELECT json_agg(json_build_object('n', name, 'c', capacity, 'm', member_count) ORDER BY id) FROM groups) AS group_rows`)
    )[0];

  beforeAll(async () => {
    t = await startApp({ RUN_WORKERS: 'false' });
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
    member = await registerMember(t, 'betrayed', { email: 'kept@mail.example' });
    group = await createGroup(admin);
  });
  afterAll(() => t.close());

  const doors: [
    string,
    () => { method: 'post' | 'patch'; path: string; token?: string },
    BodySpec,
  ][] = [
    [
      'POST /api/auth/register',
      () => ({ method: 'post', path: '/api/auth/register' }),
      {
        fields: {
          handle: fc.oneof(
            notStringNorNull,
            fc.string().filter((s) => !HANDLE.test(s)),
            fc.stringMatching(/^[a-z]{0,3}[0-9]{7,12}$/),
          ),
          password: fc.oneof(
            notStringOrNull,
            fc.string({ maxLength: 9 }),
            fc.string({ minLength: 257, maxLength: 300 }),
            fc.constant(OMIT),
          ),
          journeyRole: fc.oneof(
            fc.jsonValue().filter((v) => v !== 'betrayed' && v !== 'unfaithful'),
            fc.constant(OMIT),
          ),
          email: badEmail,
          timezone: badZone,
        },
      },
    ],
    [
      'POST /api/auth/login',
      () => ({ method: 'post', path: '/api/auth/login' }),
      {
        fields: {
          handle: fc.oneof(
            notStringOrNull,
            fc.constant(''),
            fc.string({ minLength: 33, maxLength: 40 }),
            fc.constant(OMIT),
          ),
          password: fc.oneof(
            notStringOrNull,
            fc.constant(''),
            fc.string({ minLength: 257, maxLength: 300 }),
            fc.constant(OMIT),
          ),
        },
      },
    ],
    [
      'POST /api/auth/refresh',
      () => ({ method: 'post', path: '/api/auth/refresh' }),
      {
        fields: {
          refreshToken: fc.oneof(
            notStringOrNull,
            fc.constant(''),
            fc.string({ minLength: 201, maxLength: 240 }),
            fc.constant(OMIT),
          ),
        },
      },
    ],
    [
      'PATCH /api/me',
      () => ({ method: 'patch', path: '/api/me', token: member.accessToken }),
      {
        fields: {
          email: badEmail,
          timezone: fc.oneof(badZone, fc.constant(null)),
          notificationPrefs: fc.oneof(
            notStringOrNull.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
            fc.string(),
            // Each switch alone is a valid body, so only a non-boolean value is malformed.
            fc.record({ email: notBoolean }),
            fc.record({ inApp: notBoolean }),
            fc.record({ email: fc.boolean(), sms: fc.jsonValue() }),
          ),
        },
      },
    ],
    [
      'POST /api/groups',
      () => ({ method: 'post', path: '/api/groups', token: admin.accessToken }),
      {
        fields: {
          name: badText(80),
          description: fc.oneof(
            notStringOrNull,
            fc.constantFrom('nul\u0000', 'lone\udc00', '   '),
            fc.string({ minLength: 1001, maxLength: 1010 }),
            fc.constant(OMIT),
          ),
          audience: fc.oneof(
            fc.jsonValue().filter((v) => v !== 'betrayed' && v !== 'unfaithful'),
            fc.constant(OMIT),
          ),
          capacity: fc.oneof(
            fc.integer({ max: 1 }),
            fc.integer({ min: 501 }),
            fc.double({ min: 2.1, max: 499.9, noNaN: true }).filter((v) => !Number.isInteger(v)),
            fc.constant(null),
            fc.string(),
            fc.boolean(),
          ),
          timezone: fc.oneof(badZone, fc.constant(null)),
          guidelines: fc.oneof(
            notStringOrNull,
            fc.constantFrom('', ' ', 'nul\u0000'),
            fc.string({ minLength: 10001, maxLength: 10010 }),
          ),
        },
      },
    ],
    [
      'POST /api/groups/:id/join',
      () => ({ method: 'post', path: `/api/groups/${group.id}/join`, token: member.accessToken }),
      {
        fields: {
          acceptGuidelines: fc.oneof(
            fc.jsonValue().filter((v) => v !== true),
            fc.constant(OMIT),
          ),
        },
      },
    ],
  ];

  it.each(doors)(
    '%s: never a 5xx, always the error shape, nothing written',
    async (_name, target, spec) => {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(malformedBody(spec), async (text) => {
          const { method, path, token } = target();
          let req = t.http()[method](path).set('Content-Type', 'application/json');
          if (token) req = req.set('Authorization', `Bearer ${token}`);
          const res = await req.send(text);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.body).toEqual({
            statusCode: res.status,
            code: expect.stringMatching(/^[A-Z_]+$/),
            message: expect.any(String),
            ...(res.body.details ? { details: expect.any(Array) } : {}),
          });
        }),
        { numRuns: 150 },
      );
      expect(await counts()).toEqual(before);
    },
  );
});
