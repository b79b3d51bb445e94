import { startApp, TestApp } from '../../support/app';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { closeAll, ClientSocket, emitAck, nextEvent, socketFor } from '../../support/sockets';

/** A session going live and ending, as the group's sockets see it (durationMinutes is at least 1). */
describe('session lifecycle on the sockets', () => {
  let t: TestApp;
  let admin: Member;
  let poster: Member;
  let watcher: Member;
  let absent: Member;
  let groupId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await startApp({ REMINDER_OFFSETS: '1h' });
    admin = await loginAdmin(t);
    [poster, watcher, absent] = await Promise.all([
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
      registerMember(t, 'betrayed'),
    ]);
    groupId = (await createGroup(admin, 'betrayed')).id;
    for (const m of [poster, watcher, absent]) await joinGroup(m, groupId);
  });
  afterAll(async () => {
    closeAll(...sockets);
    // Let the server see the disconnects (presence updates) before it shuts down.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.close();
  });

  it('broadcasts session:started with the prompts, tags messages sent while live, and session:ended with attendance', async () => {
    const posterSocket = await socketFor(t, poster);
    const watcherSocket = await socketFor(t, watcher);
    sockets.push(posterSocket, watcherSocket);
    const startsAt = new Date(Date.now() + 3000).toISOString();
    const created = await admin
      .post(`/api/groups/${groupId}/sessions`)
      .send({ startsAt, durationMinutes: 1 });
    const session = created.body.items[0];
    await poster.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });
    await absent.post(`/api/sessions/${session.id}/rsvp`).send({ status: 'going' });

    const before = await emitAck(posterSocket, 'message:send', {
      groupId,
      body: 'Before we start',
      clientId: 'before-start',
    });
    expect(before).toMatchObject({ ok: true, message: { sessionId: null } });

    const started = await nextEvent(watcherSocket, 'session:started', undefined, 8000);
    expect(started.session).toMatchObject({
      id: session.id,
      groupId,
      status: 'live',
      topic: { slug: session.topic.slug, prompts: session.topic.prompts },
      rsvpCount: 2,
    });
    expect(started.session.topic.prompts.length).toBeGreaterThanOrEqual(3);
    expect((await watcher.get(`/api/sessions/${session.id}`)).body.status).toBe('live');

    const during = await emitAck(posterSocket, 'message:send', {
      groupId,
      body: 'Glad to be here',
      clientId: 'during-session',
    });
    expect(during).toMatchObject({ ok: true, message: { sessionId: session.id } });

    const ended = await nextEvent(watcherSocket, 'session:ended', undefined, 70_000);
    expect(ended.session).toMatchObject({ id: session.id, status: 'ended' });
    // going: poster and absent; attended: poster (posted) and watcher (online), not absent.
    expect(ended.attendance).toEqual({ going: 2, attended: 2 });
    expect((await watcher.get(`/api/sessions/${session.id}`)).body.status).toBe('ended');
  }, 90_000);
});
