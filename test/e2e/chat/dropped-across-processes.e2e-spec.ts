import { io } from 'socket.io-client';
import request from 'supertest';
import { startApp, TestApp } from '../../support/app';
import { chatCircle, clientId } from '../../support/chat';
import { expectError } from '../../support/expect-error';
import { createGroup, joinGroup } from '../../support/groups';
import type { Member } from '../../support/members';
import { ApiProcess, spawnApi } from '../../support/processes';
import {
  ClientSocket,
  connectError,
  emitAck,
  expectNoEvent,
  nextEvent,
  trackSockets,
} from '../../support/sockets';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the server drops the socket; fails the test if that takes longer than `ms`. */
function droppedWithin(socket: ClientSocket, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A socket's identity is read at its handshake, so an erasure, a move to
 * the other audience or a change of platform roles must drop the member's
 * open sockets on every API process, not only on the one that took the request. Process A runs in the
 * test; process B is a separate OS process on the same database and Redis prefix.
 */
describe('a member erased, moved or given other roles on one API process loses their sockets on the other', () => {
  let a: TestApp;
  let b: ApiProcess;
  const sockets = trackSockets();

  beforeAll(async () => {
    a = await startApp({ RUN_WORKERS: 'false' });
    b = await spawnApi(a.database, { RUN_WORKERS: 'false' });
  });

  afterEach(() => sockets.closeAll());

  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  const say = (m: Member, groupId: string, body: string) =>
    m.post(`/api/groups/${groupId}/messages`).send({ body, clientId: clientId() });

  it('erasure (DELETE /api/me on A) drops every socket of the member on B and on A within 2 s; the old token is UNAUTHENTICATED', async () => {
    const { ana, ben, groupId } = await chatCircle(a);
    const benOnB = await sockets.connect(b, ben);
    const benOnA = await sockets.connect(a, ben);
    const anaOnB = await sockets.connect(b, ana);
    const dropped = Promise.all([droppedWithin(benOnB, 2000), droppedWithin(benOnA, 2000)]);

    const erased = await ben.delete('/api/me').send({ password: ben.password });
    expect(erased.status).toBe(204);
    await dropped;

    // B still carries the group's events (ana hears them); ben's socket does not.
    const silent = expectNoEvent(benOnB, 'message:new', 1000);
    const heard = nextEvent(anaOnB, 'message:new', (e) => e.message.body === 'after the erasure');
    expect((await say(ana, groupId, 'after the erasure')).status).toBe(201);
    await heard;
    await silent;

    const refused = await connectError(b, ben.accessToken);
    expect(refused.message).toBe('UNAUTHENTICATED');
  });

  it('an audience move (PATCH /api/admin/users/:id on A) drops the socket on B within 2 s; reconnected, it hears only the new audience’s groups', async () => {
    const { admin, ana, ben, groupId } = await chatCircle(a);
    const newGroupId = (await createGroup(admin, 'unfaithful')).id;
    const benOnB = await sockets.connect(b, ben);
    const anaOnB = await sockets.connect(b, ana);
    const dropped = droppedWithin(benOnB, 2000);

    const moved = await admin
      .patch(`/api/admin/users/${ben.id}`)
      .send({ journeyRole: 'unfaithful' });
    expect(moved.status).toBe(200);
    await dropped;

    const silent = expectNoEvent(benOnB, 'message:new', 1000);
    const heard = nextEvent(anaOnB, 'message:new', (e) => e.message.body === 'after the move');
    expect((await say(ana, groupId, 'after the move')).status).toBe(201);
    await heard;
    await silent;

    // The same token still signs in (only the id is in it); the policy now reads the new audience.
    await joinGroup(ben, newGroupId);
    const again = await sockets.connect(b, ben);
    const oldGroup = collectFor(again, groupId);
    const fromNew = nextEvent(again, 'message:new', (e) => e.message.groupId === newGroupId);
    const anaHears = nextEvent(
      anaOnB,
      'message:new',
      (e) => e.message.body === 'old audience only',
    );
    expect((await say(ana, groupId, 'old audience only')).status).toBe(201);
    expect((await say(ben, newGroupId, 'new audience')).status).toBe(201);
    expect((await fromNew).message.body).toBe('new audience');
    await anaHears;
    const subscribe = await emitAck(again, 'group:subscribe', { groupId });
    expect(subscribe.ok).toBe(false);
    expect(subscribe.error?.code).toBe('AUDIENCE_MISMATCH');
    expect(oldGroup).toEqual([]);
    const history = await request(b.url)
      .get(`/api/groups/${groupId}/messages`)
      .set('Authorization', `Bearer ${ben.accessToken}`);
    expectError(history, 403, 'AUDIENCE_MISMATCH');
  });

  /** Signs in again on B: a token issued after the change, as a client that reconnects holds. */
  async function freshToken(m: Member): Promise<string> {
    const res = await request(b.url)
      .post('/api/auth/login')
      .send({ handle: m.handle, password: m.password });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  const setRoles = (admin: Member, m: Member, roles: string[]) =>
    admin.patch(`/api/admin/users/${m.id}`).send({ roles });

  it('taking the admin role away (PATCH /api/admin/users/:id on A) drops the socket on B within 2 s; with a fresh token, a group of the other audience is AUDIENCE_MISMATCH', async () => {
    const { admin, ben } = await chatCircle(a);
    const otherGroupId = (await createGroup(admin, 'unfaithful')).id;
    expect((await setRoles(admin, ben, ['admin'])).status).toBe(200);
    const benOnB = await sockets.connect(b, ben);
    // Admitted as an admin: a group of either audience is open to this socket.
    expect((await emitAck(benOnB, 'group:subscribe', { groupId: otherGroupId })).ok).toBe(true);
    const dropped = droppedWithin(benOnB, 2000);

    expect((await setRoles(admin, ben, [])).status).toBe(200);
    await dropped;

    const again = await sockets.connect(b, await freshToken(ben));
    const subscribe = await emitAck(again, 'group:subscribe', { groupId: otherGroupId });
    expect(subscribe.ok).toBe(false);
    expect(subscribe.error?.code).toBe('AUDIENCE_MISMATCH');
  });

  it('granting a role drops the socket on B too, so that reconnected it holds the new rights; the same roles again leave it open', async () => {
    const { admin, ben } = await chatCircle(a);
    const otherGroupId = (await createGroup(admin, 'unfaithful')).id;
    const benOnB = await sockets.connect(b, ben);
    const dropped = droppedWithin(benOnB, 2000);

    expect((await setRoles(admin, ben, ['admin'])).status).toBe(200);
    await dropped;

    const again = await sockets.connect(b, ben);
    expect((await emitAck(again, 'group:subscribe', { groupId: otherGroupId })).ok).toBe(true);
    expect((await setRoles(admin, ben, ['admin', 'member'])).status).toBe(200);
    await sleep(1000);
    expect(again.connected).toBe(true);
  });

  /**
   * Erases, moves or demotes (admin to member) a fresh member on A while
   * handshakes of theirs run on B; answers how many of B's sockets still hold
   * the member as they were.
   */
  async function staleSocketsAfter(kind: 'erase' | 'move' | 'demote'): Promise<number> {
    const { admin, ben, groupId } = await chatCircle(a);
    // A demoted member of the betrayed audience is refused the other audience's groups.
    const refusedGroupId =
      kind === 'demote' ? (await createGroup(admin, 'unfaithful')).id : groupId;
    if (kind === 'demote') expect((await setRoles(admin, ben, ['admin'])).status).toBe(200);
    let changed!: () => void;
    const storm = handshakeStorm(b, ben.accessToken, new Promise<void>((r) => (changed = r)));
    await sleep(300);
    const res =
      kind === 'erase'
        ? await ben.delete('/api/me').send({ password: ben.password })
        : kind === 'move'
          ? await admin.patch(`/api/admin/users/${ben.id}`).send({ journeyRole: 'unfaithful' })
          : await setRoles(admin, ben, []);
    expect(res.status).toBe(kind === 'erase' ? 204 : 200);
    setTimeout(changed, 50);
    const opened = await storm;
    await sleep(2000);
    try {
      const open = opened.filter((s) => s.connected);
      // An erased member has no socket left anywhere.
      if (kind === 'erase') return open.length;
      // A moved or demoted member's new sockets are fine; one admitted as before the change
      // still takes them for the old audience or for an admin, and is not refused AUDIENCE_MISMATCH.
      const acks = await Promise.all(
        open.map((s) => emitAck(s, 'group:subscribe', { groupId: refusedGroupId })),
      );
      return acks.filter((ack) => ack.error?.code !== 'AUDIENCE_MISMATCH').length;
    } finally {
      for (const s of opened) s.close();
    }
  }

  /*
   * The drop reaches sockets already connected; a handshake still running on
   * B when it arrives has read the member before the change and would connect
   * afterwards as they were. The window is a few milliseconds, so handshakes
   * run in a loop on B, for eight members at once and in two rounds, while each
   * is erased, moved or demoted on A (without the gateway's check after
   * connecting, the first round alone left such sockets in 6 runs out of 6).
   */
  it('a handshake under way on B while the member is erased, moved or demoted on A does not outlive the change', async () => {
    const kinds = ['erase', 'erase', 'erase', 'erase', 'move', 'move', 'demote', 'demote'] as const;
    for (let round = 0; round < 2; round++) {
      const stale = await Promise.all(kinds.map(staleSocketsAfter));
      expect(stale).toEqual(kinds.map(() => 0));
    }
  });
});

/**
 * Opens sockets of one token on `target`, `parallel` handshakes at a time, one
 * after another, until `stop` settles or a handshake is refused; resolves with
 * those that connected (left open, so that any that should have been dropped shows).
 */
async function handshakeStorm(
  target: { url: string },
  token: string,
  stop: Promise<unknown>,
  parallel = 8,
): Promise<ClientSocket[]> {
  let stopped = false;
  void stop.finally(() => (stopped = true));
  const connected: ClientSocket[] = [];
  const loop = async () => {
    while (!stopped) {
      const socket = io(`${target.url}/chat`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      const admitted = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (!admitted) {
        socket.close();
        return;
      }
      connected.push(socket);
    }
  };
  await Promise.all(Array.from({ length: parallel }, loop));
  return connected;
}

/** Every message:new of one group that reaches `socket` from now on. */
function collectFor(socket: ClientSocket, groupId: string): unknown[] {
  const seen: unknown[] = [];
  socket.on('message:new', (e: { message: { groupId: string } }) => {
    if (e.message.groupId === groupId) seen.push(e);
  });
  return seen;
}
