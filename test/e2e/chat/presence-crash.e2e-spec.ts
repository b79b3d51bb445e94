import { startApp, TestApp, testEnvVars } from '../../support/app';
import { chatCircle } from '../../support/chat';
import { eventually } from '../../support/eventually';
import { joinGroup } from '../../support/groups';
import { registerMember } from '../../support/members';
import { RunningProcess, spawnApp, waitForHttp } from '../../support/processes';
import { freePort } from '../../support/redis-server';
import { AckAnswer, collect, emitAck, nextEvent, trackSockets } from '../../support/sockets';

jest.setTimeout(90_000);

/** Short for the test; every process of a deployment runs with the same lease. */
const LEASE_MS = 4000;
const ENV = { RUN_WORKERS: 'false', PRESENCE_LEASE: `${LEASE_MS}ms` };

type Presence = { groupId: string; user: { id: string; handle: string }; online: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const onlineIds = (ack: AckAnswer) => (ack.online as { id: string }[]).map((u) => u.id).sort();

/**
 * A crashed API process cannot say goodbye for its sockets: the live
 * processes must, within the lease, once. `two` runs in this test and `three`
 * is a separate OS process, so two sweepers race for every lapsed lease; each
 * test kills its own process `one` with SIGKILL.
 */
describe('presence when an API process is killed (kill -9)', () => {
  let two: TestApp;
  let three: { url: string; running: RunningProcess };
  const spawned: RunningProcess[] = [];
  const sockets = trackSockets();

  /** An API process of its own on `two`'s database and Redis prefix. */
  async function spawnApi(): Promise<{ url: string; running: RunningProcess }> {
    const port = await freePort();
    const running = spawnApp('apps/api/src/main.ts', {
      ...testEnvVars(two.database, ENV),
      PORT: String(port),
    });
    spawned.push(running);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health/ready`).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.output()}`);
    });
    return { url, running };
  }

  async function crash(api: RunningProcess): Promise<void> {
    api.child.kill('SIGKILL');
    await api.exited;
  }

  beforeAll(async () => {
    two = await startApp(ENV);
    three = await spawnApi();
  });

  afterEach(async () => {
    sockets.closeAll();
    await sleep(300);
  });

  afterAll(async () => {
    for (const running of spawned) running.child.kill('SIGKILL');
    await Promise.all(spawned.map((running) => running.exited));
    await two?.close();
  });

  it('tells the group once, within the lease, that a member of the killed process is offline, and stops listing them', async () => {
    const { ana, ben, groupId } = await chatCircle(two);
    const cara = await registerMember(two);
    await joinGroup(cara, groupId);
    const one = await spawnApi();
    const benOnTwo = await sockets.connect(two, ben);
    const caraOnThree = await sockets.connect(three, cara);
    const heardByBen = collect<Presence>(benOnTwo, 'presence');
    const heardByCara = collect<Presence>(caraOnThree, 'presence');
    await sockets.connect(one, ana);
    await eventually(() => heardByBen.some((p) => p.user.id === ana.id && p.online));
    expect(onlineIds(await emitAck(benOnTwo, 'presence:list', { groupId }))).toEqual(
      [ana.id, ben.id, cara.id].sort(),
    );

    const killedAt = Date.now();
    await crash(one.running);
    const offline = await nextEvent<Presence>(
      benOnTwo,
      'presence',
      (p) => p.user.id === ana.id && !p.online,
      LEASE_MS - (Date.now() - killedAt),
    );
    expect(offline).toEqual({ groupId, user: { id: ana.id, handle: ana.handle }, online: false });
    expect(onlineIds(await emitAck(benOnTwo, 'presence:list', { groupId }))).toEqual(
      [ben.id, cara.id].sort(),
    );
    const members = await ben.get(`/api/groups/${groupId}/members`);
    const anaRow = members.body.items.find((i: { user: { id: string } }) => i.user.id === ana.id);
    expect(anaRow.online).toBe(false);

    // Both live processes sweep; the goodbye still goes out once, to sockets on either.
    await sleep(LEASE_MS);
    for (const heard of [heardByBen, heardByCara])
      expect(heard.filter((p) => p.user.id === ana.id).map((p) => p.online)).toEqual([true, false]);
  });

  it('keeps a member online who is still connected through another process, and says goodbye when that socket closes', async () => {
    const { ana, ben, groupId } = await chatCircle(two);
    const one = await spawnApi();
    const anaOnTwo = await sockets.connect(two, ana);
    const heard = collect<Presence>(anaOnTwo, 'presence');
    await sockets.connect(one, ben);
    const benOnThree = await sockets.connect(three, ben);
    await eventually(() => heard.some((p) => p.user.id === ben.id && p.online));

    await crash(one.running);
    // Past the lease of ben's socket on the dead process, and a few sweeps more.
    await sleep(LEASE_MS + 1500);
    expect(heard.filter((p) => p.user.id === ben.id).map((p) => p.online)).toEqual([true]);
    expect(onlineIds(await emitAck(anaOnTwo, 'presence:list', { groupId }))).toEqual(
      [ana.id, ben.id].sort(),
    );

    benOnThree.close();
    await eventually(() => heard.some((p) => p.user.id === ben.id && !p.online));
    await sleep(LEASE_MS);
    expect(heard.filter((p) => p.user.id === ben.id).map((p) => p.online)).toEqual([true, false]);
    expect(onlineIds(await emitAck(anaOnTwo, 'presence:list', { groupId }))).toEqual([ana.id]);
  });
});
