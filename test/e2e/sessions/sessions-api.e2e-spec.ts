import { DateTime } from 'luxon';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('scheduled sessions over REST', () => {
  let t: TestApp;
  let admin: Member;
  let moderator: Member;
  let member: Member;
  let outsider: Member;
  let otherAudience: Member;
  let group: { id: string; name: string };

  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
    [moderator, member, outsider, otherAudience] = await Promise.all([
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'unfaithful'),
    ]);
    group = await createGroup(admin, 'betrayed');
    await joinGroup(moderator, group.id);
    await joinGroup(member, group.id);
    const made = await admin
      .post(`/api/groups/${group.id}/moderators`)
      .send({ userId: moderator.id });
    expect(made.status).toBe(201);
  });
  afterAll(() => t.close());

  const schedule = (who: Member, body: Record<string, unknown>, groupId = group.id) =>
    who.post(`/api/groups/${groupId}/sessions`).send(body);

  it('lets the group’s moderator schedule a one-off and members read it in the API.md shape', async () => {
    const startsAt = inMinutes(60);
    const res = await schedule(moderator, {
      startsAt,
      durationMinutes: 45,
      topicSlug: 'why-infidelity-destroys-trust',
    });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(1);
    const [session] = res.body.items;
    expect(session).toEqual({
      id: expect.any(String),
      groupId: group.id,
      seriesId: null,
      topic: {
        slug: 'why-infidelity-destroys-trust',
        title: expect.any(String),
        summary: expect.any(String),
        prompts: expect.any(Array),
      },
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
      status: 'scheduled',
      rsvpCount: 0,
      myRsvp: null,
    });
    expect(session.topic.prompts.length).toBeGreaterThanOrEqual(3);
    const read = await member.get(`/api/sessions/${session.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(session);
  });

  it('counts RSVPs and shows each member their own answer', async () => {
    const [session] = (await schedule(admin, { startsAt: inMinutes(90), durationMinutes: 30 })).body
      .items;
    const going = await member.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });
    expect(going.status).toBe(200);
    expect(going.body).toMatchObject({ rsvpCount: 1, myRsvp: 'going' });
    const no = await moderator
      .post(`/api/sessions/${session.id}/rsvp`)
      .send({ status: 'not_going' });
    expect(no.body).toMatchObject({ rsvpCount: 1, myRsvp: 'not_going' });
    const changed = await member
      .post(`/api/sessions/${session.id}/rsvp`)
      .send({ status: 'not_going' });
    expect(changed.body).toMatchObject({ rsvpCount: 0, myRsvp: 'not_going' });
    const exported = await member.get('/api/me/export');
    expect(exported.body.rsvps).toContainEqual(
      expect.objectContaining({ sessionId: session.id, status: 'not_going' }),
    );
  });

  it('refuses RSVP bodies that are not going/not_going (maybe, missing, extra field) with 400', async () => {
    const [session] = (await schedule(admin, { startsAt: inMinutes(95), durationMinutes: 30 })).body
      .items;
    for (const body of [{ status: 'maybe' }, {}, { status: 'going', plusOne: true }]) {
      const res = await member.post(`/api/sessions/${session.id}/rsvp`).send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
    }
  });

  it('walks the guide: a weekly series of 8 without topicSlug takes the next 8 topics of the audience, and the next session continues', async () => {
    const fresh = await createGroup(admin, 'betrayed');
    const topics = (await admin.get('/api/topics?audience=betrayed')).body.items;
    const series = await schedule(
      admin,
      { startsAt: inMinutes(120), durationMinutes: 60, recurrence: 'FREQ=WEEKLY;COUNT=8' },
      fresh.id,
    );
    expect(series.status).toBe(201);
    const items = series.body.items;
    expect(items).toHaveLength(8);
    expect(items.map((s: { topic: { slug: string } }) => s.topic.slug)).toEqual(
      topics.slice(0, 8).map((topic: { slug: string }) => topic.slug),
    );
    expect(new Set(items.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    expect(items[0].seriesId).toEqual(expect.any(String));
    const next = await schedule(admin, { startsAt: inMinutes(180), durationMinutes: 60 }, fresh.id);
    expect(next.body.items[0].topic.slug).toBe(topics[8].slug);
    expect(next.body.items[0].seriesId).toBeNull();
  });

  it('wraps after the last topic of the audience', async () => {
    const fresh = await createGroup(admin, 'unfaithful');
    const topics = (await admin.get('/api/topics?audience=unfaithful')).body.items;
    const series = await schedule(
      admin,
      { startsAt: inMinutes(120), durationMinutes: 60, recurrence: 'FREQ=DAILY;COUNT=52' },
      fresh.id,
    );
    const slugs = series.body.items.map((s: { topic: { slug: string } }) => s.topic.slug);
    expect(slugs.slice(topics.length, topics.length + 2)).toEqual([topics[0].slug, topics[1].slug]);
  });

  it('keeps 18:00 in the group’s time zone across the spring clock change (Europe/London)', async () => {
    const london = await createGroup(admin, 'betrayed', { timezone: 'Europe/London' });
    const nextYear = DateTime.now().setZone('Europe/London').year + 1;
    let lastSunday = DateTime.fromObject(
      { year: nextYear, month: 3, day: 31 },
      { zone: 'Europe/London' },
    );
    while (lastSunday.weekday !== 7) lastSunday = lastSunday.minus({ days: 1 });
    const first = lastSunday.minus({ weeks: 1 }).set({ hour: 18, minute: 0 });
    const res = await schedule(
      admin,
      { startsAt: first.toUTC().toISO(), durationMinutes: 60, recurrence: 'FREQ=WEEKLY;COUNT=3' },
      london.id,
    );
    expect(res.status).toBe(201);
    const starts = res.body.items.map((s: { startsAt: string }) =>
      DateTime.fromISO(s.startsAt, { zone: 'utc' }),
    );
    expect(starts.map((d: DateTime) => d.setZone('Europe/London').toFormat('HH:mm'))).toEqual([
      '18:00',
      '18:00',
      '18:00',
    ]);
    expect(starts.map((d: DateTime) => d.hour)).toEqual([18, 17, 17]);
  });

  it('lists sessions of a range for members, and refuses a range that ends before it starts', async () => {
    const fresh = await createGroup(admin, 'betrayed');
    await joinGroup(member, fresh.id);
    await schedule(
      admin,
      { startsAt: inMinutes(60), durationMinutes: 30, recurrence: 'FREQ=DAILY;COUNT=5' },
      fresh.id,
    );
    const all = await member.get(`/api/groups/${fresh.id}/sessions`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    const from = new Date(Date.now() + 23 * 3600_000).toISOString();
    const to = new Date(Date.now() + 50 * 3600_000).toISOString();
    const some = await member.get(`/api/groups/${fresh.id}/sessions?from=${from}&to=${to}`);
    expect(some.body.items).toHaveLength(2);
    expectError(
      await member.get(`/api/groups/${fresh.id}/sessions?from=${to}&to=${from}`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await member.get(`/api/groups/${fresh.id}/sessions?from=yesterday`),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('moves one occurrence: new times, a new duration, a new topic', async () => {
    const [session] = (await schedule(moderator, { startsAt: inMinutes(60), durationMinutes: 30 }))
      .body.items;
    const startsAt = inMinutes(240);
    const res = await moderator
      .patch(`/api/sessions/${session.id}`)
      .send({ startsAt, durationMinutes: 90, topicSlug: 'why-infidelity-destroys-trust' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: session.id,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
      topic: { slug: 'why-infidelity-destroys-trust' },
      status: 'scheduled',
    });
    const same = await moderator.patch(`/api/sessions/${session.id}`).send({});
    expect(same.body).toEqual(res.body);
  });

  it('cancels (204, twice), after which it can be neither moved nor answered (400)', async () => {
    const [session] = (await schedule(moderator, { startsAt: inMinutes(60), durationMinutes: 30 }))
      .body.items;
    expect((await moderator.delete(`/api/sessions/${session.id}`)).status).toBe(204);
    expect((await moderator.delete(`/api/sessions/${session.id}`)).status).toBe(204);
    expect((await member.get(`/api/sessions/${session.id}`)).body.status).toBe('cancelled');
    expectError(
      await moderator.patch(`/api/sessions/${session.id}`).send({ durationMinutes: 20 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await member.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('shows the group’s next session on the group', async () => {
    const fresh = await createGroup(admin, 'betrayed');
    await joinGroup(member, fresh.id);
    const before = await member.get(`/api/groups/${fresh.id}`);
    expect(before.body.nextSession).toBeNull();
    const later = (
      await schedule(admin, { startsAt: inMinutes(300), durationMinutes: 30 }, fresh.id)
    ).body.items[0];
    const sooner = (
      await schedule(admin, { startsAt: inMinutes(100), durationMinutes: 30 }, fresh.id)
    ).body.items[0];
    await member.post(`/api/sessions/${sooner.id}/rsvp`).send({ status: 'going' });
    const after = await member.get(`/api/groups/${fresh.id}`);
    expect(after.body.nextSession).toMatchObject({ id: sooner.id, myRsvp: 'going', rsvpCount: 1 });
    expect(after.body.nextSession.id).not.toBe(later.id);
  });

  describe('who may do what', () => {
    let sessionId: string;
    beforeAll(async () => {
      sessionId = (await schedule(admin, { startsAt: inMinutes(200), durationMinutes: 30 })).body
        .items[0].id;
    });

    it('refuses a plain member scheduling, moving or cancelling with 403 FORBIDDEN', async () => {
      expectError(
        await schedule(member, { startsAt: inMinutes(60), durationMinutes: 30 }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await member.patch(`/api/sessions/${sessionId}`).send({ durationMinutes: 20 }),
        403,
        'FORBIDDEN',
      );
      expectError(await member.delete(`/api/sessions/${sessionId}`), 403, 'FORBIDDEN');
      expect((await member.get(`/api/sessions/${sessionId}`)).body.status).toBe('scheduled');
    });

    it('refuses the other audience everything with 403 AUDIENCE_MISMATCH', async () => {
      for (const res of [
        await otherAudience.get(`/api/sessions/${sessionId}`),
        await otherAudience.get(`/api/groups/${group.id}/sessions`),
        await otherAudience.post(`/api/sessions/${sessionId}/rsvp`).send({ status: 'going' }),
        await schedule(otherAudience, { startsAt: inMinutes(60), durationMinutes: 30 }),
      ])
        expectError(res, 403, 'AUDIENCE_MISMATCH');
    });

    it('refuses a non-member of the right audience with 403 FORBIDDEN', async () => {
      for (const res of [
        await outsider.get(`/api/sessions/${sessionId}`),
        await outsider.get(`/api/groups/${group.id}/sessions`),
        await outsider.post(`/api/sessions/${sessionId}/rsvp`).send({ status: 'going' }),
      ])
        expectError(res, 403, 'FORBIDDEN');
    });

    it('answers 404 for unknown or malformed session ids', async () => {
      expectError(
        await member.get('/api/sessions/6f1c1f0e-2f43-4f5c-9d1a-4b8e6f8f0a11'),
        404,
        'NOT_FOUND',
      );
      expectError(await member.get('/api/sessions/nope'), 404, 'NOT_FOUND');
      expectError(
        await schedule(
          admin,
          { startsAt: inMinutes(60), durationMinutes: 30 },
          '6f1c1f0e-2f43-4f5c-9d1a-4b8e6f8f0a11',
        ),
        404,
        'NOT_FOUND',
      );
    });
  });

  it.each([
    [{ startsAt: 'soon', durationMinutes: 30 }, 'startsAt'],
    [{ startsAt: '2030-01-01T18:00:00', durationMinutes: 30 }, 'startsAt'],
    [{ startsAt: '2020-01-01T18:00:00Z', durationMinutes: 30 }, 'startsAt'],
    [{ durationMinutes: 30 }, 'startsAt'],
    [{ startsAt: '2030-01-01T18:00:00Z', durationMinutes: 0 }, 'durationMinutes'],
    [{ startsAt: '2030-01-01T18:00:00Z', durationMinutes: 481 }, 'durationMinutes'],
    [{ startsAt: '2030-01-01T18:00:00Z', durationMinutes: 1.5 }, 'durationMinutes'],
    [{ startsAt: '2030-01-01T18:00:00Z', durationMinutes: '60' }, 'durationMinutes'],
    [
      { startsAt: '2030-01-01T18:00:00Z', durationMinutes: 60, recurrence: 'FREQ=YEARLY;COUNT=2' },
      'recurrence',
    ],
    [
      { startsAt: '2030-01-01T18:00:00Z', durationMinutes: 60, recurrence: 'FREQ=WEEKLY;COUNT=53' },
      'recurrence',
    ],
    [
      { startsAt: '2030-01-01T18:00:00Z', durationMinutes: 60, recurrence: 'FREQ=WEEKLY' },
      'recurrence',
    ],
    [
      { startsAt: '2030-01-01T18:00:00Z', durationMinutes: 60, topicSlug: 'no-such-topic' },
      'topicSlug',
    ],
    [{ startsAt: '2030-01-01T18:00:00Z', durationMinutes: 60, room: 'blue' }, 'room'],
  ])('refuses %j with 400 VALIDATION_FAILED on %s, creating nothing', async (body, field) => {
    const fresh = await createGroup(admin, 'betrayed');
    const res = await schedule(admin, body, fresh.id);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const listed = await admin.get(
      `/api/groups/${fresh.id}/sessions?from=2029-12-01T00:00:00Z&to=2030-06-01T00:00:00Z`,
    );
    expect(listed.body.items).toEqual([]);
    const upcoming = await admin.get(`/api/groups/${fresh.id}/sessions`);
    expect(upcoming.body.items).toEqual([]);
  });

  it('refuses a topic of the other audience with 400 on topicSlug', async () => {
    const unfaithfulOnly = (await admin.get('/api/topics?audience=unfaithful')).body.items.find(
      (topic: { audience: string }) => topic.audience === 'unfaithful',
    );
    const res = await schedule(admin, {
      startsAt: inMinutes(60),
      durationMinutes: 30,
      topicSlug: unfaithfulOnly.slug,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details[0].field).toBe('topicSlug');
  });
});
