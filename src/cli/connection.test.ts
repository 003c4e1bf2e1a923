import type { IncomingMessage } from 'node:http';

import { startRawServer, type RawServer } from '../core/transport/testing/rawServer';
import { backendUrl } from './connection';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main } from './main';
import { fakeIO } from './testing';

const QUERY = '{ resource.service.name = "frontend" }';
const EMPTY_SEARCH = JSON.stringify({ traces: [], metrics: {} });

let server: RawServer;
let seen: Array<IncomingMessage['headers']> = [];
let answer: { status: number; body: string } = { status: 200, body: EMPTY_SEARCH };

beforeAll(async () => {
  server = await startRawServer((req, res) => {
    seen.push(req.headers);
    if (req.url?.startsWith('/api/status/buildinfo')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '2.9.0', revision: 'x' }));
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  seen = [];
  answer = { status: 200, body: EMPTY_SEARCH };
});

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = fakeIO({}, env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const tempo = (...extra: string[]) => ['query', QUERY, '--tempo', server.url, '--since', '5m', ...extra];

describe('credentials and headers', () => {
  it('sends --header values and a bearer token from TRACELENS_TOKEN', async () => {
    const r = await run(tempo('--header', 'X-Scope-OrgID: tenant-a', '--header', 'X-Extra:1'), {
      TRACELENS_TOKEN: 'tok-abcdef',
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT_OK);
    expect(seen.length).toBeGreaterThan(0);
    for (const h of seen) {
      expect(h['x-scope-orgid']).toBe('tenant-a');
      expect(h['x-extra']).toBe('1');
      expect(h.authorization).toBe('Bearer tok-abcdef');
    }
  });

  it('sends basic auth from TRACELENS_USER / TRACELENS_PASSWORD and from URL userinfo', async () => {
    await run(tempo(), { TRACELENS_USER: 'alice', TRACELENS_PASSWORD: 'pw-12345' });
    expect(seen[0].authorization).toBe(`Basic ${Buffer.from('alice:pw-12345').toString('base64')}`);
    seen = [];
    const withUserinfo = server.url.replace('http://', 'http://bob:pw%3A9876@');
    const r = await run(['query', QUERY, '--tempo', withUserinfo, '--since', '5m']);
    expect(r.code).toBe(EXIT_OK);
    expect(seen[0].authorization).toBe(`Basic ${Buffer.from('bob:pw:9876').toString('base64')}`);
  });

  it('refuses two kinds of credentials at once (exit 2)', async () => {
    const r = await run(tempo(), { TRACELENS_TOKEN: 'tok-abcdef', TRACELENS_USER: 'alice' });
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('give one kind of credentials');
    expect(seen).toHaveLength(0);
  });

  it('rejects a malformed --header without echoing its value', async () => {
    const r = await run(tempo('--header', 'Bearer supersecret-value'));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("--header takes 'Name: value'");
    expect(r.err).not.toContain('supersecret-value');
  });
});

describe('no credential is ever printed', () => {
  it('a password in the URL of an unreachable backend', async () => {
    const gone = await startRawServer(() => undefined);
    await gone.close();
    const url = gone.url.replace('http://', 'http://alice:s3cret-pw@');
    const r = await run(['query', QUERY, '--jaeger', url, '--since', '5m']);
    expect(r.code).toBe(EXIT_FAILURE);
    expect(r.err).toContain('connection refused (ECONNREFUSED)');
    expect(r.err).toContain(gone.url.replace('http://', ''));
    expect(r.err).not.toMatch(/alice|s3cret/);
  });

  it('a token or header value that the server echoes back in its error', async () => {
    answer = { status: 401, body: JSON.stringify({ message: 'token tok-abcdef expired; key k-777777 unknown' }) };
    const r = await run(tempo('--header', 'X-Api-Key: k-777777'), { TRACELENS_TOKEN: 'tok-abcdef' });
    expect(r.code).toBe(EXIT_FAILURE);
    expect(r.err).toContain('answered 401');
    expect(r.err).toContain('token *** expired; key *** unknown');
  });

  it('a password in a URL the CLI rejects', async () => {
    const r = await run(['query', QUERY, '--tempo', 'ftp://alice:s3cret-pw@host']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('must be an http:// or https:// URL');
    expect(r.err).not.toMatch(/s3cret/);
  });
});

describe('option validation', () => {
  it.each([
    [['--timeout', '30d'], '--timeout must be from 1ms to 1h, got "30d"'],
    [['--timeout', '0s'], '--timeout must be from 1ms to 1h, got "0s"'],
    [['--timeout', 'soon'], '--timeout must be a duration like 15s'],
    [['--max-response-mb', '0'], '--max-response-mb must be a number from 1 to 512'],
    [['--max-response-mb', '4096'], '--max-response-mb must be a number from 1 to 512'],
  ])('%j: exit 2, %s', async (flags, message) => {
    const r = await run(tempo(...flags));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain(message);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['--since', '0s'],
    ['--step', '0ms'],
  ])('%s %s: exit 2, must be longer than zero', async (flag, value) => {
    const window = flag === '--since' ? [] : ['--since', '5m'];
    const r = await run(['query', '{ } | rate()', '--tempo', server.url, ...window, flag, value]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain(`--${flag.slice(2)} must be longer than zero`);
  });

  it.each([
    ['ftp://h:1', 'must be an http:// or https:// URL'],
    ['http://127.0.0.1:0', 'port 0 is not a port a server listens on'],
    ['http://127.0.0.1:70000', 'must be a URL like'],
    ['http://127.0.0.1:16686/#x', 'must not have a query string or fragment'],
    ['127.0.0.1:16686', 'must start with http:// or https://, got "127.0.0.1:16686"'],
  ])('--jaeger %s: %s', (url, message) => {
    expect(() => backendUrl('jaeger', url)).toThrow(message);
  });

  it('port 1 is a port: a refused connection, not "bad port"', async () => {
    const r = await run(['query', QUERY, '--jaeger', 'http://127.0.0.1:1', '--since', '5m', '--timeout', '5s']);
    expect(r.code).toBe(EXIT_FAILURE);
    expect(r.err).toContain('cannot reach http://127.0.0.1:1/');
    expect(r.err).not.toContain('bad port');
  });
});
