import { startApp } from '../../support/app';
import { createGroup, joinGroup } from '../../support/groups';
import { loginAdmin, registerMember } from '../../support/members';
import { socketFor } from '../../support/sockets';

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
});
