import { startApp, TestApp } from '../../support/app';
import { expectError } from '../../support/expect-error';

describe('the error shape at the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    expectError(await t.http().get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectError(await t.http().post('/nothing-here').send({}), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED naming the body, never 500', async () => {
    for (const raw of ['{bad', '{"a":', '[1,', 'nul', '"\\u12"']) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(raw);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ field: 'body', problem: 'is not valid JSON' }]);
    }
  });

  it('answers a non-JSON body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('handle=x');
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    // Only the one-click unsubscribe takes a form body.
    const form = await t.http().post('/api/auth/login').type('form').send('handle=x&password=y');
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over 64 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ handle: 'x'.repeat(70 * 1024), password: 'y' }));
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('sets security headers and a request id can be traced', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and UI', async () => {
    const doc = await t.http().get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect((await t.http().get('/docs')).status).toBe(200);
  });

  it('serves Prometheus metrics to the loopback address', async () => {
    await t.http().get('/health');
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('kintsugi_http_request_duration_seconds');
    expect(res.text).toContain('kintsugi_queue_jobs');
  });
});
