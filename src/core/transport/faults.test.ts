/**
 * The fault suite: every way a backend can fail at the HTTP level, driven against a loopback server
 * through the real stack (a backend client over nodeTransport). Each case asserts the error's kind,
 * that the message names the cause and the URL (never a credential), and that nothing hangs: the
 * call settles well inside a guard, and for broken answers the client has closed the connection.
 */
import { gzipSync } from 'node:zlib';

import { TempoClient } from '../backends/tempo/client';
import { TraceLensError, type TraceLensErrorKind } from '../errors';
import { seededRandom } from '../seededRandom';
import { megabytes } from './limits';
import { nodeTransport, type NodeTransportOptions } from './nodeTransport';
import { eventually, startRawServer, type RawHandler, type RawServer } from './testing/rawServer';

const TIMEOUT_MS = 400;
const LIMIT = megabytes(1);
// A guard, not a timing claim: a call still pending after this long is a hang.
const HANG_GUARD_MS = 10_000;
const SECRET = 's3cret-pass';

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: RawHandler): Promise<RawServer> {
  const s = await startRawServer(handler);
  servers.push(s);
  return s;
}

function search(url: string, opts: NodeTransportOptions = {}): Promise<unknown> {
  const transport = nodeTransport(url, { timeoutMs: TIMEOUT_MS, maxResponseBytes: LIMIT, ...opts });
  return new TempoClient(transport).search({ q: '{ }', start: 0n, end: 60_000_000_000n });
}

/** The TraceLensError `work` rejects with; fails the test if it resolves or is still pending at the guard. */
async function failure(work: Promise<unknown>): Promise<TraceLensError> {
  let guard: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    guard = setTimeout(
      () => reject(new Error(`still pending after ${HANG_GUARD_MS} ms: the client hangs`)),
      HANG_GUARD_MS
    );
  });
  try {
    await Promise.race([work, hang]);
  } catch (e) {
    if (e instanceof TraceLensError) {
      return e;
    }
    throw e;
  } finally {
    clearTimeout(guard);
  }
  throw new Error('expected the call to fail');
}

function expectCause(err: TraceLensError, kind: TraceLensErrorKind, cause: RegExp, url?: string): void {
  expect({ kind: err.kind, message: err.message }).toEqual({ kind, message: expect.stringMatching(cause) });
  if (url !== undefined) {
    expect(err.message).toContain(`${url}/api/search`);
  }
  expect(err.message).not.toContain(SECRET);
}

/** The client must have let go of a broken answer, not left the socket open. */
async function expectClosed(server: RawServer): Promise<void> {
  await eventually(() => server.openConnections() === 0);
}

describe('transport faults, through a backend client', () => {
  it('refused: names the refusal and the URL', async () => {
    const gone = await startRawServer(() => undefined);
    await gone.close();
    const err = await failure(search(gone.url));
    expectCause(err, 'unreachable', /^cannot reach .*: connection refused \(ECONNREFUSED\)$/, gone.url);
  });

  it('reset before any answer: unreachable, connection reset', async () => {
    const server = await serve((req) => req.socket.destroy());
    const err = await failure(search(server.url));
    expectCause(err, 'unreachable', /connection reset \(ECONNRESET\)/, server.url);
  });

  it('reset mid-body (Content-Length): interrupted, with how much arrived', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"traces":[' + ' '.repeat(89));
      setImmediate(() => res.socket?.destroy());
    });
    const err = await failure(search(server.url));
    expectCause(err, 'interrupted', /^response from .* was cut off after 100 bytes: /, server.url);
    await expectClosed(server);
  });

  it('reset mid-body (chunked): interrupted', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"traces":[');
      setImmediate(() => res.socket?.destroy());
    });
    const err = await failure(search(server.url));
    expectCause(err, 'interrupted', /was cut off after \d+ bytes/, server.url);
    await expectClosed(server);
  });

  it('slow headers: a timeout that says no answer came', async () => {
    const server = await serve(() => undefined);
    const err = await failure(search(server.url));
    expectCause(err, 'timeout', new RegExp(`did not answer within ${TIMEOUT_MS} ms$`), server.url);
    await expectClosed(server);
  });

  it('slow body: a timeout that says the answer started and how much arrived', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"traces":');
    });
    const err = await failure(search(server.url));
    expectCause(
      err,
      'timeout',
      new RegExp(`started answering but did not finish within ${TIMEOUT_MS} ms \\(10 bytes received\\)`),
      server.url
    );
    await expectClosed(server);
  });

  it('truncated JSON in a complete answer: malformed, with where it broke', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"traces":[{"traceID":"abc"');
    });
    const err = await failure(search(server.url));
    expectCause(err, 'malformed', /^Tempo \/api\/search response: invalid JSON at line 1, column 28/);
  });

  it('wrong content type: malformed, naming the type and what the page says', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Sign in</title></head><body>Single sign-on</body></html>');
    });
    const err = await failure(search(server.url));
    expectCause(
      err,
      'malformed',
      /^Tempo \/api\/search answered with text\/html instead of JSON \(Sign in Single sign-on\)/
    );
  });

  it('gzip bomb: refused once the inflated bytes pass the limit, while streaming', async () => {
    // 64 MB of zeros compress to about 64 KB: well under the 1 MB limit on the wire.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(LIMIT);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const err = await failure(search(server.url));
    expectCause(err, 'too-large', /^response from .* exceeds 1 MB once decompressed/, server.url);
  });

  it('a declared Content-Length over the limit: refused before reading', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(LIMIT + 1) });
      res.write('{');
    });
    const err = await failure(search(server.url));
    expectCause(err, 'too-large', /exceeds 1 MB \(its Content-Length says so; nothing was read\)/, server.url);
    await expectClosed(server);
  });

  it('an endless body: refused at the limit, the connection closed, the server told to stop', async () => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (!res.destroyed && written < 100 * LIMIT && res.write(chunk)) {
          written += chunk.length;
        }
        if (!res.destroyed) {
          res.once('drain', pump);
        }
      };
      pump();
    });
    const err = await failure(search(server.url));
    expectCause(err, 'too-large', /^response from .* exceeds 1 MB$/, server.url);
    await expectClosed(server);
    // Backpressure: the server stopped long before the 100 MB it would have sent.
    expect(written).toBeLessThan(20 * LIMIT);
  });

  it('incompressible gzip over the limit on the wire: refused on the received bytes', async () => {
    // Seeded noise, 32 bits per draw (a byte per draw is slow under Jest's instrumentation).
    const random = seededRandom(15);
    const words = new Uint32Array((2 * LIMIT) / 4);
    for (let i = 0; i < words.length; i++) {
      words[i] = Math.floor(random() * 0x1_0000_0000);
    }
    const noise = Buffer.from(words.buffer);
    const packed = gzipSync(noise);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(packed);
    });
    const err = await failure(search(server.url));
    expectCause(err, 'too-large', /^response from .* exceeds 1 MB$/, server.url);
  });

  it('corrupt gzip: malformed, naming the encoding', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('definitely not gzip');
    });
    const err = await failure(search(server.url));
    expectCause(err, 'malformed', /is not valid gzip: /, server.url);
  });

  it('redirect to another host: not followed, nothing sent there, no credentials in the message', async () => {
    const other = await serve((_req, res) => res.end('{"traces":[]}'));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/api/search?q=x` });
      res.end();
    });
    const withCreds = server.url.replace('http://', `http://alice:${SECRET}@`);
    const err = await failure(search(withCreds));
    expectCause(err, 'http', /answered 302 redirecting to http:\/\/127\.0\.0\.1:\d+\/api\/search, another origin/);
    expect(err.status).toBe(302);
    expect(err.message).toContain(`${server.url}/api/search`);
    expect(other.requests).toHaveLength(0);
    // The first hop did get the credentials: they came from the URL as a Basic header.
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`alice:${SECRET}`).toString('base64')}`);
  });

  it('redirect within the same origin: followed, credentials kept', async () => {
    const server = await serve((req, res) => {
      if (req.url?.startsWith('/api/search')) {
        res.writeHead(307, { location: '/moved/api/search' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"traces":[]}');
    });
    await expect(search(server.url, { token: 'tok-123456' })).resolves.toBeDefined();
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/api/search', '/moved/api/search']);
    expect(server.requests[1].headers.authorization).toBe('Bearer tok-123456');
  });

  const STATUSES: Array<[number, RegExp]> = [
    [401, /wants credentials/],
    [403, /do not allow/],
    [404, /no such API path/],
    [429, /rate-limiting/],
    [500, /failed while answering/],
    [502, /proxy or gateway .* got no valid answer/],
    [503, /unavailable/],
  ];

  it.each(STATUSES)('HTTP %i without a body: the status and what it means', async (status, meaning) => {
    const server = await serve((_req, res) => {
      res.statusMessage = '';
      res.writeHead(status);
      res.end();
    });
    const err = await failure(search(server.url));
    expectCause(err, 'http', new RegExp(`^Tempo /api/search answered ${status} [A-Z]`));
    expect(err.message).toMatch(meaning);
    expect(err.status).toBe(status);
  });

  it.each(STATUSES)('HTTP %i with a body: the status and the server’s own words', async (status) => {
    const server = await serve((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '30' });
      res.end(JSON.stringify({ error: { message: `tenant quota says ${status}` } }));
    });
    const err = await failure(search(server.url));
    expectCause(err, 'http', new RegExp(`answered ${status} .*: tenant quota says ${status}`));
    expect(err.status).toBe(status);
    if (status === 429 || status === 503) {
      expect(err.message).toMatch(/retry after 30 s$/);
    }
  });
});
