import { setImmediate } from 'node:timers';
import { TraceLensError } from '../errors';
import { nodeTransport } from './nodeTransport';
import { encodeQuery } from './url';
import { startFakeServer, type FakeServer } from '../backends/testing/fakeServer';
import { rejection } from '../testing/rejection';

describe('nodeTransport', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/services': { body: { data: ['a'] } },
      '/slow': { delayMs: 60_000, body: 'late' },
      '/boom': { status: 500, body: 'internal error' },
    });
  });
  afterAll(() => server.close());
  // A failed fake-clock test must not leave the clock fake for the next one.
  afterEach(() => jest.useRealTimers());

  it('sends the query string and headers and returns status and text body', async () => {
    const t = nodeTransport(`${server.url}/`, { headers: { 'X-Scope-OrgID': 'tenant' } });
    const res = await t({
      method: 'GET',
      path: '/api/services',
      query: { a: 'x y', tags: ['1', '2'], skip: undefined },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: ['a'] });
    const req = server.requests[server.requests.length - 1];
    expect(req.query.get('a')).toBe('x y');
    expect(req.query.getAll('tags')).toEqual(['1', '2']);
    expect(req.query.has('skip')).toBe(false);
    expect(req.headers['x-scope-orgid']).toBe('tenant');
  });

  it('resolves non-2xx answers for the client to interpret', async () => {
    const res = await nodeTransport(server.url)({ method: 'GET', path: '/boom' });
    expect(res.status).toBe(500);
    expect(res.body).toBe('internal error');
  });

  it('keeps a base URL path prefix', async () => {
    const res = await nodeTransport(`${server.url}/prefix`)({ method: 'GET', path: '/api/services' });
    expect(res.status).toBe(404);
    expect(server.requests[server.requests.length - 1].path).toBe('/prefix/api/services');
  });

  it('times out with kind timeout naming the URL', async () => {
    // Fake clocks for the transport's timer; sockets and the event loop stay real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const arrived = server.nextRequest('/slow');
    let settled = false;
    const pending = rejection(nodeTransport(server.url, { timeoutMs: 100 })({ method: 'GET', path: '/slow' }));
    void pending.finally(() => (settled = true));
    await arrived;
    jest.advanceTimersByTime(99);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    jest.advanceTimersByTime(1);
    const err = await pending.finally(() => jest.useRealTimers());
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain(`${server.url}/slow`);
    expect(err.message).toContain('100 ms');
  });

  it('cancels with kind cancelled when the caller aborts', async () => {
    const ac = new AbortController();
    const arrived = server.nextRequest('/slow');
    const p = nodeTransport(server.url)({ method: 'GET', path: '/slow', signal: ac.signal });
    await arrived;
    ac.abort();
    expect((await rejection(p)).kind).toBe('cancelled');
    // The abort reached the socket: the server saw the request end before its reply was due.
    await server.idle();
    expect(server.openRequests()).toBe(0);
    const pre = new AbortController();
    pre.abort();
    expect(
      (await rejection(nodeTransport(server.url)({ method: 'GET', path: '/slow', signal: pre.signal }))).kind
    ).toBe('cancelled');
  });

  it('reports a refused connection as unreachable with the system error and URL', async () => {
    const closed = await startFakeServer();
    const url = closed.url;
    await closed.close();
    const err = await rejection(nodeTransport(url)({ method: 'GET', path: '/api/services' }));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).toContain(`${url}/api/services`);
  });

  it('reports an unknown host as unreachable', async () => {
    const err = await rejection(
      nodeTransport('http://tracelens-nonexistent.invalid', { timeoutMs: 5000 })({ method: 'GET', path: '/ready' })
    );
    expect(['unreachable', 'timeout']).toContain(err.kind);
    expect(err.message).toContain('tracelens-nonexistent.invalid');
  });

  it('sends URL userinfo as a Basic header and never prints it', async () => {
    const withCreds = server.url.replace('http://', 'http://alice:s3cret-pw@');
    const res = await nodeTransport(withCreds)({ method: 'GET', path: '/api/services' });
    expect(res.status).toBe(200);
    expect(server.requests[server.requests.length - 1].headers.authorization).toBe(
      `Basic ${Buffer.from('alice:s3cret-pw').toString('base64')}`
    );
    const err = await rejection(nodeTransport(withCreds, { timeoutMs: 100 })({ method: 'GET', path: '/slow' }));
    expect(err.message).toContain(`${server.url}/slow`);
    expect(err.message).not.toMatch(/alice|s3cret/);
  });

  it('keeps credentials out of the message for a malformed URL', () => {
    expect(() => nodeTransport('http://alice:s3cret-pw@bad host:1')).toThrow(
      /^"http:\/\/\*\*\*@bad host:1" is not a URL/
    );
    expect(() => nodeTransport('ftp://alice:s3cret-pw@host')).toThrow(/^"ftp:\/\/host" is not an http\(s\) URL/);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => nodeTransport('ftp://x')).toThrow(TraceLensError);
    expect(() => nodeTransport('not a url')).toThrow(/not a URL/);
  });
});

describe('encodeQuery', () => {
  it('percent-encodes keys and values', () => {
    expect(encodeQuery({ q: '{ .a = "b&c" }' })).toBe('?q=%7B%20.a%20%3D%20%22b%26c%22%20%7D');
    expect(encodeQuery({})).toBe('');
  });
});
