import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase, startApp } from '../../support/app';
import { chatCircle, clientId } from '../../support/chat';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, registerMember } from '../../support/members';
import { socketFor } from '../../support/sockets';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing the API with sockets open', () => {
  it('closes cleanly: no unhandled rejection from goodbyes sent while Redis clients close', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const t = await startApp();
      const admin = await loginAdmin(t);
      const group = await createGroup(admin);
      const members = await Promise.all([registerMember(t), registerMember(t), registerMember(t)]);
      await Promise.all(members.map((m) => joinGroup(m, group.id)));
      const sockets = await Promise.all(members.map((m) => socketFor(t, m)));
      await t.close();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      sockets.forEach((s) => s.close());
      expect(rejections.map(String)).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  // Found by the fault suite (test/faults, SIGTERM under load): the sockets
  // closed while sends were committing, and their acks were dropped.
  it('answers the sends under way before the sockets close, and refuses with UNAVAILABLE those that arrive meanwhile', async () => {
    // Its own database, so that closing the app does not drop it under the open transaction.
    const database = await createTestDatabase();
    const t = await startApp({ RUN_WORKERS: 'false' }, { database });
    const { ana, groupId } = await chatCircle(t);
    const socket = await socketFor(t, ana);
    const send = () =>
      socket
        .timeout(15_000)
        .emitWithAck('message:send', { groupId, body: 'Still here.', clientId: clientId() })
        .catch((error: Error) => ({ dropped: error.message }));
    // Holding the group's row keeps the sends in their commit while the app closes.
    const holder = new Client({ connectionString: t.env.DATABASE_URL });
    holder.on('error', () => undefined);
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
      const underWay = [send(), send(), send()];
      await sleep(300);
      const closing = t.close();
      await sleep(300);
      const meanwhile = send();
      await sleep(300);
      await holder.query('COMMIT');
      await closing;
      const answers = await Promise.all(underWay);
      expect(answers).toEqual([
        expect.objectContaining({ ok: true }),
        expect.objectContaining({ ok: true }),
        expect.objectContaining({ ok: true }),
      ]);
      expect(await meanwhile).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      socket.close();
      await holder.end();
      await dropTestDatabase(database);
    }
  });
});
