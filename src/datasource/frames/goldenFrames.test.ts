/**
 * Golden frames (issue 18): the frames the data source builds for a fixed set of response bodies,
 * compared field for field with files generated once from main before the bytes → frames rewrite.
 * Inputs: the guide traces in every format, the Jaeger and Tempo contract fixtures, generated
 * traces in the shape, and hand-written edge cases (golden/inputs). A difference is either
 * a regression or a fix; fixes are listed in golden/README.md with the expected file regenerated.
 *
 * `TRACELENS_WRITE_GOLDEN=1 npx jest goldenFrames` rewrites the expected files.
 */
import { dateTime, type DataFrame, type DataQueryRequest } from '@grafana/data';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';

import {
  ANSWERING_BACKEND,
  answeringTransport,
  type AnsweringApi,
} from '../../core/backends/testing/answeringTransport';
import { decodeTraces, parseJsonBody } from '../../core/model';
import { createCoreClient } from '../client/coreClient';
import { runSearch, runTraceId, type RunContext } from '../query/runners';
import type { TraceLensQuery } from '../types';
import { serializeFrames } from './golden/serializeFrame';
import type { LogsLinkSetup } from './logsLinks';
import { buildTraceFrame } from './traceFrame';

const ROOT = join(__dirname, '..', '..', '..');
const GOLDEN = join(__dirname, 'golden');
const WRITE = process.env.TRACELENS_WRITE_GOLDEN === '1';

interface TraceCase {
  readonly name: string;
  readonly file: string;
  /** The API that serves this body for a trace by id, so the client path is checked too. */
  readonly api: AnsweringApi;
}

const TRACE_CASES: readonly TraceCase[] = [
  { name: 'guide.jaeger-v1', file: 'tests/fixtures/traces/guide.jaeger-v1.json', api: 'jaeger-v1' },
  { name: 'guide.jaeger-api-v3', file: 'tests/fixtures/traces/guide.jaeger-api-v3.json', api: 'jaeger-api-v3' },
  { name: 'guide.tempo-v1', file: 'tests/fixtures/traces/guide.tempo-v1.json', api: 'tempo' },
  { name: 'guide.tempo-v2', file: 'tests/fixtures/traces/guide.tempo-v2.json', api: 'tempo' },
  { name: 'guide.otlp', file: 'tests/fixtures/traces/guide.otlp.json', api: 'jaeger-api-v3' },
  { name: 'jaeger.v1-trace', file: 'tests/fixtures/jaeger/v1-trace.json', api: 'jaeger-v1' },
  { name: 'jaeger.v3-trace', file: 'tests/fixtures/jaeger/v3-trace.json', api: 'jaeger-api-v3' },
  { name: 'tempo.trace-v1-batches', file: 'tests/fixtures/tempo/trace-v1-batches.json', api: 'tempo' },
  { name: 'tempo.trace-v2', file: 'tests/fixtures/tempo/trace-v2.json', api: 'tempo' },
  { name: 'tempo.trace-v2-partial', file: 'tests/fixtures/tempo/trace-v2-partial.json', api: 'tempo' },
  {
    name: 'synthetic.jaeger-v1',
    file: 'src/datasource/frames/golden/inputs/synthetic.jaeger-v1.json',
    api: 'jaeger-v1',
  },
  {
    name: 'synthetic.jaeger-api-v3',
    file: 'src/datasource/frames/golden/inputs/synthetic.jaeger-api-v3.json',
    api: 'jaeger-api-v3',
  },
  { name: 'synthetic.tempo-v1', file: 'src/datasource/frames/golden/inputs/synthetic.tempo-v1.json', api: 'tempo' },
  { name: 'edge.jaeger-v1', file: 'src/datasource/frames/golden/inputs/edge.jaeger-v1.json', api: 'jaeger-v1' },
  { name: 'edge.tempo-v2', file: 'src/datasource/frames/golden/inputs/edge.tempo-v2.json', api: 'tempo' },
];

interface SearchCase {
  readonly name: string;
  readonly file: string;
  readonly api: AnsweringApi;
  readonly query: string;
  readonly limit?: number;
}

const JAEGER_QUERY = '{ resource.service.name = "frontend" && span.http.route =~ "/(users|orders).*" }';

const SEARCH_CASES: readonly SearchCase[] = [
  {
    name: 'search.jaeger-v1',
    file: 'tests/fixtures/jaeger/v1-search.json',
    api: 'jaeger-v1',
    query: '{ status = error }',
  },
  { name: 'search.jaeger-v3', file: 'tests/fixtures/jaeger/v3-search.json', api: 'jaeger-api-v3', query: '{}' },
  {
    name: 'search.synthetic.jaeger-v1',
    file: 'src/datasource/frames/golden/inputs/synthetic-search.jaeger-v1.json',
    api: 'jaeger-v1',
    query: JAEGER_QUERY,
  },
  {
    name: 'search.synthetic.jaeger-api-v3',
    file: 'src/datasource/frames/golden/inputs/synthetic-search.jaeger-api-v3.json',
    api: 'jaeger-api-v3',
    query: `${JAEGER_QUERY} | select(span.http.request.method)`,
    limit: 50,
  },
  { name: 'search.tempo', file: 'tests/fixtures/tempo/search.json', api: 'tempo', query: '{ status = error }' },
  {
    name: 'search.synthetic.tempo',
    file: 'src/datasource/frames/golden/inputs/synthetic-search.tempo.json',
    api: 'tempo',
    query: '{ span.http.response.status_code >= 200 } | select(span.http.route)',
  },
  {
    name: 'search.edge.tempo',
    file: 'src/datasource/frames/golden/inputs/edge-search.tempo.json',
    api: 'tempo',
    query: '{ } | by(resource.service.name)',
  },
];

const LOGS: LogsLinkSetup = {
  target: { uid: 'loki', type: 'loki', name: 'Loki' },
  options: { datasourceUid: 'loki', tags: [{ key: 'service.name', value: 'service_name' }], filterByTraceID: true },
};

function request(): DataQueryRequest<TraceLensQuery> {
  const from = dateTime(1_700_000_000_000);
  const to = dateTime(1_800_000_000_000);
  return {
    requestId: 'golden',
    interval: '1m',
    intervalMs: 60_000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: [],
    timezone: 'utc',
    app: 'explore',
    startTime: 0,
  };
}

function context(api: AnsweringApi, body: string): RunContext {
  const client = createCoreClient({
    kind: ANSWERING_BACKEND[api],
    transport: answeringTransport(api, body),
    searchDepth: 200,
  });
  return { client, self: { uid: 'tracelens', name: 'TraceLens' }, logs: LOGS, request: request() };
}

function expectGolden(name: string, frames: readonly DataFrame[]): void {
  const file = join(GOLDEN, 'expected', `${name}.json`);
  const actual = serializeFrames(frames);
  if (WRITE) {
    mkdirSync(join(GOLDEN, 'expected'), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`no golden file ${file}: generate it from main with TRACELENS_WRITE_GOLDEN=1`);
  }
  // Compared as parsed JSON so a failure shows the differing path, not a 10k-line text diff.
  expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

async function dataOf(response: Promise<{ data: DataFrame[]; error?: { message?: string } }>): Promise<DataFrame[]> {
  const r = await response;
  if (r.error) {
    throw new Error(r.error.message);
  }
  return r.data;
}

describe('trace frames are the golden ones', () => {
  it.each(TRACE_CASES)('$name', async ({ name, file, api }) => {
    const body = readFileSync(join(ROOT, file), 'utf8');
    // Every trace in the body, decoded and framed; then the data source's own path (client and
    // runner), which frames the first trace of the body.
    const traces = decodeTraces(parseJsonBody(body, name));
    expectGolden(
      name,
      traces.map((t) => buildTraceFrame(t, 'A'))
    );
    const query: TraceLensQuery = { refId: 'A', queryType: 'traceId', query: traces[0].traceId };
    expectGolden(`${name}.client`, await dataOf(lastValueFrom(runTraceId(context(api, body), query))));
  });
});

describe('search frames are the golden ones', () => {
  it.each(SEARCH_CASES)('$name', async ({ name, file, api, query, limit }) => {
    const body = readFileSync(join(ROOT, file), 'utf8');
    const q: TraceLensQuery = { refId: 'A', queryType: 'traceql', query, limit };
    expectGolden(name, await dataOf(lastValueFrom(runSearch(context(api, body), q))));
  });
});
