import { request as httpRequest } from 'node:http';
import { createTestDatabase, dropTestDatabase, testEnvVars } from '../../support/app';
import { spawnApp, waitForHttp } from '../../support/processes';
import { freePort } from '../../support/redis-server';

describe('the API as a process', () => {
  it('refuses to start with PORT=abc, naming PORT, and exits non-zero', async () => {
    const app = spawnApp('apps/api/src/main.ts', { PORT: 'abc', JWT_SECRET: 'x'.repeat(40) });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/PORT must be a whole number/);
  });

  it('lets a request in flight at SIGTERM finish, then exits 0', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const app = spawnApp('apps/api/src/main.ts', { ...testEnvVars(database), PORT: String(port) });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
      const body = JSON.stringify({ password: 'a-long-enough-password', journeyRole: 'betrayed' });
      const half = Math.floor(body.length / 2);
      // A slow client: headers and half the body now, the rest after SIGTERM.
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/auth/register',
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, half));
        setTimeout(() => {
          app.child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(half)), 700);
        }, 200);
      });
      const finished = await response;
      expect(finished.status).toBe(201);
      expect(JSON.parse(finished.body).user.journeyRole).toBe('betrayed');
      expect(await app.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      app.child.kill('SIGKILL');
      await dropTestDatabase(database);
    }
  }, 60_000);
});
