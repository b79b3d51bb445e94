import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpScreeningProvider } from './http-screening-provider';

type Behaviour = 'flag-self-harm' | 'fail' | 'slow' | 'nonsense';

/** A moderation service on 127.0.0.1 that answers as told and counts what it was asked. */
async function stubService() {
  const state = { behaviour: 'flag-self-harm' as Behaviour, requests: [] as unknown[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      state.requests.push({ body: JSON.parse(body), auth: req.headers.authorization });
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (state.behaviour === 'fail') return answer(503, { error: 'down' });
      if (state.behaviour === 'nonsense') return answer(200, { ok: true });
      const flagged = { results: [{ flagged: true, categories: { 'self-harm/intent': true } }] };
      if (state.behaviour === 'slow') setTimeout(() => answer(200, flagged), 1000);
      else answer(200, flagged);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/moderations`;
  return { state, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

const CRISIS = [
  { category: 'crisis', detail: 'signs of suicide or self-harm', priority: 'urgent' },
];

describe('HttpScreeningProvider against a local service', () => {
  let stub: Awaited<ReturnType<typeof stubService>>;

  beforeEach(async () => {
    stub = await stubService();
  });
  afterEach(() => stub.close());

  it("sends the text in OpenAI's moderation format, with the token, and maps the answer", async () => {
    const provider = new HttpScreeningProvider({ url: stub.url, token: 't0ken', timeoutMs: 500 });
    await expect(provider.screen('some words')).resolves.toEqual(CRISIS);
    expect(stub.state.requests).toEqual([{ body: { input: 'some words' }, auth: 'Bearer t0ken' }]);
  });

  it('gives up after its timeout and finds nothing, rather than holding the message', async () => {
    stub.state.behaviour = 'slow';
    const provider = new HttpScreeningProvider({ url: stub.url, timeoutMs: 150 });
    const started = Date.now();
    await expect(provider.screen('some words')).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it.each(['fail', 'nonsense'] as const)(
    'finds nothing when the service answers %s',
    async (behaviour) => {
      stub.state.behaviour = behaviour;
      const provider = new HttpScreeningProvider({ url: stub.url, timeoutMs: 500 });
      await expect(provider.screen('some words')).resolves.toEqual([]);
    },
  );

  it('opens its circuit after consecutive failures: no message waits for a service that is down, and it tries again later', async () => {
    stub.state.behaviour = 'fail';
    const provider = new HttpScreeningProvider({
      url: stub.url,
      timeoutMs: 500,
      failuresToOpen: 3,
      halfOpenAfterMs: 300,
    });
    for (let i = 0; i < 3; i++) await provider.screen('x');
    expect(stub.state.requests).toHaveLength(3);

    stub.state.behaviour = 'flag-self-harm';
    const started = Date.now();
    for (let i = 0; i < 5; i++) await expect(provider.screen('x')).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(100);
    expect(stub.state.requests).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(provider.screen('x')).resolves.toEqual(CRISIS);
    await expect(provider.screen('x')).resolves.toEqual(CRISIS);
    expect(stub.state.requests).toHaveLength(5);
  });

  it('finds nothing, at once, when nothing listens at the address', async () => {
    await stub.close();
    const provider = new HttpScreeningProvider({ url: stub.url, timeoutMs: 500 });
    await expect(provider.screen('x')).resolves.toEqual([]);
    stub = await stubService();
  });
});
