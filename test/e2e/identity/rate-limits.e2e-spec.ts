import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';
import { registerMember, uniqueHandle } from '../../support/members';

const PASSWORD = 'a-long-enough-password';

function expectRateLimited(res: Response, windowSeconds: number): void {
  expectError(res, 429, 'RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe('brute-force limits on login and registration', () => {
  describe('failed logins per handle (RATE_LIMIT_LOGIN=3/1m)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ RUN_WORKERS: 'false', RATE_LIMIT_LOGIN: '3/1m' });
    });
    afterAll(() => t.close());

    const login = (handle: string, password: string) =>
      t.http().post('/api/auth/login').send({ handle, password });

    it('refuses the 4th failed login of a handle with 429 and Retry-After, even with the right password, but not other handles', async () => {
      const [ana, ben] = await Promise.all([registerMember(t), registerMember(t)]);
      for (let i = 0; i < 3; i++)
        expectError(await login(ana.handle, 'wrong-password'), 401, 'UNAUTHENTICATED');
      expectRateLimited(await login(ana.handle, 'wrong-password'), 60);
      expectRateLimited(await login(ana.handle.toUpperCase(), PASSWORD), 60);
      expect((await login(ben.handle, PASSWORD)).status).toBe(200);
    });

    it('does not count bodies that fail validation, nor successful logins', async () => {
      const ana = await registerMember(t);
      for (const body of [
        { handle: ana.handle },
        { handle: ana.handle, password: '' },
        { handle: ana.handle, password: 1 },
      ])
        expectError(await t.http().post('/api/auth/login').send(body), 400, 'VALIDATION_FAILED');
      for (let i = 0; i < 5; i++) expect((await login(ana.handle, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 3; i++)
        expectError(await login(ana.handle, 'wrong-password'), 401, 'UNAUTHENTICATED');
      expectRateLimited(await login(ana.handle, 'wrong-password'), 60);
    });

    it('lets exactly 3 of 10 simultaneous wrong guesses through to a password check', async () => {
      const ana = await registerMember(t);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => login(ana.handle, 'wrong-password')),
      );
      expect(results.filter((r) => r.status === 401)).toHaveLength(3);
      expect(results.filter((r) => r.status === 429)).toHaveLength(7);
    });
  });

  describe('failed logins per client address (5× RATE_LIMIT_LOGIN=2/1m)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ RUN_WORKERS: 'false', RATE_LIMIT_LOGIN: '2/1m' });
    });
    afterAll(() => t.close());

    it('refuses the 11th failed login from one address, whatever the handle', async () => {
      const ana = await registerMember(t);
      for (let i = 0; i < 10; i++) {
        const res = await t
          .http()
          .post('/api/auth/login')
          .send({ handle: uniqueHandle('x'), password: 'wrong-password' });
        expectError(res, 401, 'UNAUTHENTICATED');
      }
      expectRateLimited(
        await t
          .http()
          .post('/api/auth/login')
          .send({ handle: ana.handle, password: 'wrong-password' }),
        60,
      );
    });
  });

  describe('registrations per client address (RATE_LIMIT_REGISTER=3/1m)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startApp({ RUN_WORKERS: 'false', RATE_LIMIT_REGISTER: '3/1m' });
    });
    afterAll(() => t.close());

    it('refuses the 4th registration with 429 and creates nothing for it; invalid bodies do not count', async () => {
      const users = async () =>
        Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM users`))[0].n);
      const before = await users();
      const register = (body: object) => t.http().post('/api/auth/register').send(body);
      expectError(
        await register({ password: 'short', journeyRole: 'betrayed' }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await register({ password: PASSWORD, journeyRole: 'neither' }),
        400,
        'VALIDATION_FAILED',
      );
      for (let i = 0; i < 3; i++)
        expect((await register({ password: PASSWORD, journeyRole: 'betrayed' })).status).toBe(201);
      expectRateLimited(await register({ password: PASSWORD, journeyRole: 'betrayed' }), 60);
      expect(await users()).toBe(before + 3);
    });
  });
});
