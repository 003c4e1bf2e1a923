import { nodeTransport } from '../../transport/nodeTransport';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { fixture } from '../testing/fixtures';
import { ZipkinClient } from './client';
import { backendModule, createBackend } from '../registry';
import { zipkinWindow } from './window';
import { capitalisedNames, resourceAttributesZipkinLacks } from './names';

const json = (name: string): unknown => JSON.parse(fixture('zipkin', name));
let server: FakeServer;
let client: ZipkinClient;

beforeEach(async () => {
  server = await startFakeServer({
    '/api/v2/services': { body: json('services.json') },
    '/api/v2/traces': { body: json('traces.json') },
    '/api/v2/trace/463ac35c9f6413ad48485a3953bb6124': { body: json('trace.json') },
    '/api/v2/dependencies': { body: json('dependencies.json') },
  });
  client = new ZipkinClient(nodeTransport(server.url));
});
afterEach(() => server.close());

describe('Zipkin client (contract: hand-written v2 fixtures over real HTTP)', () => {
  it('probes /api/v2/services and says what it found', async () => {
    expect(await client.detect()).toEqual({ serviceCount: 5, message: 'Zipkin API v2, 5 services' });
  });

  it('sends searches in Zipkin units: whole ms endTs/lookback, µs durations, annotationQuery joined with and', async () => {
    const traces = await client.findTraces({
      serviceName: 'frontend',
      annotationQuery: ['http.method=GET', 'error'],
      minDurationUs: 1000,
      maxDurationUs: 5000,
      start: 1_700_000_000_000_000_000n,
      end: 1_700_000_060_000_500_000n,
      limit: 50,
    });
    expect(traces).toHaveLength(2);
    const q = server.requests[0].query;
    expect(Object.fromEntries(q)).toEqual({
      serviceName: 'frontend',
      annotationQuery: 'http.method=GET and error',
      minDuration: '1000',
      maxDuration: '5000',
      endTs: '1700000060001',
      lookback: '60001',
      limit: '50',
    });
  });

  it('never sends a maximum duration alone (Zipkin answers 400)', async () => {
    await client.findTraces({ maxDurationUs: 5000, start: 1n, end: 2_000_000n, limit: 1 });
    expect(server.requests[0].query.has('maxDuration')).toBe(false);
  });

  it('fetches a trace by id and names a missing one', async () => {
    expect((await client.getTrace('463AC35C9F6413AD48485A3953BB6124')).spans).toHaveLength(3);
    server.route('/api/v2/trace/00000000000000ab', { status: 404, body: '00000000000000ab not found' });
    await expect(client.getTrace('ab')).rejects.toMatchObject({ kind: 'http', status: 404 });
    await expect(client.getTrace('../services')).rejects.toMatchObject({ kind: 'input' });
  });

  it('reads dependencies, and refuses a server that is not Zipkin', async () => {
    const links = await client.dependencies(1n, 86_400_000_000_000n);
    expect(links[1]).toEqual({ parent: 'api-gateway', child: 'auth-service', callCount: 80, errorCount: 2 });
    server.route('/api/v2/services', { status: 404, body: 'Not Found' });
    await expect(client.detect()).rejects.toMatchObject({ kind: 'unsupported' });
    server.route('/api/v2/services', { body: '<html>login</html>' });
    await expect(client.detect()).rejects.toThrow(/not Zipkin/);
  });

  it('runs TraceQL through the executor: two searches for status = error, the engine finishing', async () => {
    const backend = createBackend({ kind: 'zipkin', transport: nodeTransport(server.url), searchDepth: 2 });
    const window = { start: 1_699_999_000_000_000_000n, end: 1_700_001_000_000_000_000n };
    const out = await backend.search('{ status = error && resource.service.name = "frontend" }', window);
    expect(server.requests.map((r) => r.query.get('annotationQuery')).sort()).toEqual([
      'error',
      'otel.status_code=ERROR',
    ]);
    expect(out.stats.bounded).toBe(true); // two traces at limit 2: Zipkin may hold more
    expect(out.notices.map((n) => n.text).join(' ')).toMatch(/limit of 2 traces/);
  });
});

describe('Zipkin time window', () => {
  it('widens nanoseconds outwards to whole milliseconds', () => {
    expect(zipkinWindow(1_500_000n, 3_000_000n)).toEqual({ endTs: 3, lookback: 2 });
    expect(zipkinWindow(1_000_000n, 2_000_001n)).toEqual({ endTs: 3, lookback: 2 });
    expect(zipkinWindow(0n, 1n)).toEqual({ endTs: 1, lookback: 1 });
    expect(() => zipkinWindow(5n, 5n)).toThrow(/empty/);
  });
});

describe('name literals with capitals (Zipkin lower-cases names)', () => {
  it('finds them next to name and service comparisons, either way round', () => {
    const q = '{ name = "GET /Users" && resource.service.name = "frontend" } || { "Api" = resource.service.name }';
    expect(capitalisedNames(q).map((n) => n.value)).toEqual(['GET /Users', 'Api']);
    expect(q.slice(capitalisedNames(q)[0].from, capitalisedNames(q)[0].to)).toBe('"GET /Users"');
    expect(capitalisedNames('{ span.http.method = "GET" && name = "get /x" }')).toEqual([]);
    expect(capitalisedNames('{ name !~ "POST.*" }').map((n) => n.value)).toEqual(['POST.*']);
  });
});

describe('resource attributes Zipkin cannot have (exporters flatten them into tags)', () => {
  it('finds every resource attribute but the service, once each, parent scope included', () => {
    const q =
      '{ resource.deployment.environment = "prod" && resource.service.name = "api" } >> ' +
      '{ parent.resource.host.name != nil && .deployment.environment = "prod" && resource.deployment.environment != "x" }';
    expect(resourceAttributesZipkinLacks(q)).toEqual(['deployment.environment', 'host.name']);
    expect(resourceAttributesZipkinLacks('{ resource.service.name = "api" && .host.name = "h" }')).toEqual([]);
  });

  it('says so in the editor and in the answer, naming the unscoped spelling', async () => {
    const [text] = backendModule('zipkin').queryNotices?.('{ resource.host.name = "h1" }') ?? [];
    expect(text).toMatch(/resource\.host\.name is unset on every Zipkin span\. Write \.host\.name/);
    const backend = createBackend({ kind: 'zipkin', transport: nodeTransport(server.url) });
    const window = { start: 1_699_999_000_000_000_000n, end: 1_700_001_000_000_000_000n };
    const out = await backend.search('{ resource.host.name = "h1" }', window);
    expect(out.notices.map((n) => n.text)).toContain(text);
  });
});
