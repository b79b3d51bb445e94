import { randomUUID } from 'node:crypto';
import { startApp, TestApp } from '../../support/app';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, Member, registerMember } from '../../support/members';
import { closeAll, expectNoEvent, nextEvent, socketFor } from '../../support/sockets';

/** DESIGN.md invariant 1 holds on sockets opened before an admin changed someone's journey role. */
describe('a journey role changed while sockets are open', () => {
  let t: TestApp;
  let admin: Member;
  beforeAll(async () => {
    t = await startApp();
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('takes the member out of the old audience’s group and disconnects them; they hear nothing more of it', async () => {
    const group = await createGroup(admin, 'betrayed');
    const [moved, stays] = await Promise.all([registerMember(t), registerMember(t)]);
    await Promise.all([joinGroup(moved, group.id), joinGroup(stays, group.id)]);
    const before = await socketFor(t, moved);
    const disconnected = new Promise((resolve) => before.once('disconnect', resolve));

    const res = await admin
      .patch(`/api/admin/users/${moved.id}`)
      .send({ journeyRole: 'unfaithful' });
    expect(res.status).toBe(200);
    await disconnected;
    // They left the old audience's group, and their seat is free again.
    const seen = await admin.get(`/api/groups/${group.id}`);
    expect(seen.body.memberCount).toBe(1);
    const members = await stays.get(`/api/groups/${group.id}/members`);
    expect(members.body.items.map((m: { user: { id: string } }) => m.user.id)).toEqual([stays.id]);

    const after = await socketFor(t, moved);
    const watcher = await socketFor(t, stays);
    const delivered = nextEvent(watcher, 'message:new');
    const silent = expectNoEvent(after, 'message:new', 1500);
    const sent = await stays
      .post(`/api/groups/${group.id}/messages`)
      .send({ body: 'still here', clientId: randomUUID() });
    expect(sent.status).toBe(201);
    await delivered;
    await silent;
    closeAll(before, after, watcher);
  });
});
