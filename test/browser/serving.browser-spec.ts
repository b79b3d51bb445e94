import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveWebApp } from '../../apps/api/src/web-app';
import { startApp, type TestApp } from '../support/app';

// jest reads testTimeout only from the root config, not from the browser project.
jest.setTimeout(60_000);

describe('the API serves the built web app at /', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers a page request at / and at any other app address with the app, under a strict CSP', async () => {
    for (const path of ['/', '/groups/some-deep-link']) {
      const res = await t.http().get(path).set('Accept', 'text/html,application/xhtml+xml');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Notes</title>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache, and the plain icon', async () => {
    const page = await t.http().get('/').set('Accept', 'text/html');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    const res = await t.http().get(script);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await t.http().get('/favicon.svg')).status).toBe(200);
  });

  it('leaves server paths and non-page requests to the API: unknown ones stay JSON 404 NOT_FOUND', async () => {
    for (const path of ['/api/no-such-route', '/health-nope', '/admin/nothing', '/socket.io-x']) {
      const res = await t.http().get(path).set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const json = await t.http().get('/no-such-page').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.body).toEqual(expect.objectContaining({ statusCode: 404, code: 'NOT_FOUND' }));
    const post = await t.http().post('/').set('Accept', 'text/html');
    expect(post.status).toBe(404);
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('without a built app the API still starts: nothing is mounted', () => {
    const mounted: unknown[] = [];
    const app = {
      use: (...args: unknown[]) => mounted.push(args),
    } as unknown as NestExpressApplication;
    serveWebApp(app, '/nonexistent/dist/web');
    expect(mounted).toHaveLength(0);
  });
});
