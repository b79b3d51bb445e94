import { Client } from 'pg';
import request from 'supertest';
import { loadEnv } from '@kintsugi/platform';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import { createTestDatabase, dropTestDatabase, TEST_ADMIN, testEnvVars } from '../../support/app';
import { databaseUrl } from '../../support/test-env';

describe('admin bootstrap from ADMIN_HANDLE / ADMIN_PASSWORD', () => {
  let database: string;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(database));

  const admins = async () => {
    const pg = new Client({ connectionString: databaseUrl(database) });
    await pg.connect();
    try {
      const { rows } = await pg.query(
        `SELECT handle, roles FROM users WHERE lower(handle) = lower($1)`,
        [TEST_ADMIN.handle],
      );
      return rows;
    } finally {
      await pg.end();
    }
  };

  it('creates exactly one admin when two processes start at once, and a restart with another password changes nothing', async () => {
    const env = loadEnv(testEnvVars(database, { RUN_WORKERS: 'false' }));
    const [first, second] = await Promise.all([createApiApp(env), createApiApp(env)]);
    await Promise.all([first.close(), second.close()]);
    expect(await admins()).toEqual([{ handle: TEST_ADMIN.handle, roles: ['member', 'admin'] }]);

    const restarted = await createApiApp(
      loadEnv(
        testEnvVars(database, { RUN_WORKERS: 'false', ADMIN_PASSWORD: 'another-password-now' }),
      ),
    );
    try {
      expect(await admins()).toHaveLength(1);
      const http = () => request(restarted.getHttpServer());
      expect((await http().post('/api/auth/login').send(TEST_ADMIN)).status).toBe(200);
      expect(
        (
          await http()
            .post('/api/auth/login')
            .send({ handle: TEST_ADMIN.handle, password: 'another-password-now' })
        ).status,
      ).toBe(401);
    } finally {
      await restarted.close();
    }
  });
});
