import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateMetricsInstant, evaluateTrace } from '../core/engine';
import { decodeTraces, parseJsonBody } from '../core/model';
import { GUIDE_START_NS } from '../core/model/testing/guideTraces';
import { parseTraceQL } from '../core/traceql';
import { isMetricsQuery } from '../core/traceql/ast';
import { GUIDE_EXAMPLES } from './examples';

/**
 * Every TraceQL example the app page and the README show must parse and, over the guide's fixture
 * traces (tests/fixtures/traces, README there), find what its description says. The expected spans
 * were worked out by hand from the guide traces' spec (src/core/model/testing/guideTraces.ts): four
 * requests, 4bf92f… succeeds, 0af765… is refused by auth-service (401), e3b0c4… fails on a locked
 * database (500/502, 1.25 s), 00f067… succeeds from a 64-bit-id client.
 */

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests/fixtures/traces/guide.jaeger-api-v3.json');
const traces = decodeTraces(parseJsonBody(readFileSync(FIXTURE, 'utf8'), FIXTURE));

/** Trace id prefix → span ids (last 4 hex digits, in result order) of the spansets found. */
type Found = Record<string, string[][]>;

/** The documented results, keyed by query. A query shown anywhere must have one here. */
const EXPECTED: Record<string, Found> = {
  // frontend spans over 1 s: only the locked-database request, its server span (1.25 s) and its
  // client call to the gateway (1.24 s).
  '{ resource.service.name = "frontend" && duration > 1s }': { e3b0c4: [['0001', '0002']] },
  // Refused by auth: frontend's client call (401), the gateway's call to auth (401) and auth's
  // span. Locked database: everything except the gateway's call to auth and auth itself.
  '{ status = error }': {
    '0af765': [['0002', '0002', '0001']],
    e3b0c4: [['0001', '0002', '0001', '0003', '0001', '0002', '0001']],
  },
  // 5xx only in the locked-database request: frontend 502 ×2, gateway 502, gateway→users 500, users 500.
  '{ span.http.response.status_code >= 500 || span.http.status_code >= 500 }': {
    e3b0c4: [['0001', '0002', '0001', '0003', '0001']],
  },
  // Span attribute db.system is on SELECT users (c…02) and query users (d…01), both below the
  // gateway. Over 40 ms: SELECT users at 42 ms in the healthy requests; both at ~1.2 s when locked
  // (query users at 40 ms is not over 40 ms).
  '{ resource.service.name = "api-gateway" } >> { span.db.system != nil && duration > 40ms }': {
    '4bf92f': [['0002']],
    e3b0c4: [['0002', '0001']],
    '00f067': [['0002']],
  },
  // An error whose parent is an error: auth's span under the gateway's failed call; when locked,
  // every error but the frontend's root.
  '{ status = error } > { status = error }': {
    '0af765': [['0001']],
    e3b0c4: [['0002', '0001', '0003', '0001', '0002', '0001']],
  },
  // The gateway has three spans (server, call to auth, call to users) in every request that reaches
  // users; no other service has more than two.
  '{ } | by(resource.service.name) | count() > 2': {
    '4bf92f': [['0001', '0002', '0003']],
    e3b0c4: [['0001', '0002', '0003']],
    '00f067': [['0001', '0002', '0003']],
  },
  // README, tracelens explain: database work below the gateway, in the three requests that reach it.
  '{ resource.service.name = "api-gateway" } >> { span.db.system = "sqlite" }': {
    '4bf92f': [['0002', '0001']],
    e3b0c4: [['0002', '0001']],
    '00f067': [['0002', '0001']],
  },
  // README, tracelens query: when the database is locked, frontend, gateway and users each have two
  // error spans (database only one); in the refused request each service has one.
  '{ status = error } | by(resource.service.name) | count() > 1': {
    e3b0c4: [
      ['0001', '0002'],
      ['0001', '0003'],
      ['0001', '0002'],
    ],
  },
  // README, tracelens query --traces: the gateway's server span, route /api/users, in every request.
  '{ span.http.route =~ "/api/.*" }': {
    '4bf92f': [['0001']],
    '0af765': [['0001']],
    e3b0c4: [['0001']],
    '00f067': [['0001']],
  },
  // README, tracelens query --zipkin: the database span only passes 200 ms when it is locked (1.195 s).
  '{ resource.service.name = "database" && duration > 200ms }': { e3b0c4: [['0001']] },
};

/**
 * The documented results of the metrics examples, as an instant query over the ten seconds the guide
 * traces start in ([GUIDE_START, GUIDE_START + 10 s], both ends included): series labels → value.
 * Span counts per request: a full request has frontend 2, api-gateway 3, auth-service 1,
 * user-service 2, database 1; the refused one stops after auth (frontend 2, api-gateway 2, auth 1).
 * Three full requests and one refused: frontend 8, api-gateway 11, auth-service 4, user-service 6,
 * database 3 spans.
 */
const METRICS_EXPECTED: Record<string, Record<string, number>> = {
  // rate() is spans per second: the counts above over 10 s.
  '{ } | rate() by (resource.service.name)': {
    'resource.service.name=api-gateway': 1.1,
    'resource.service.name=auth-service': 0.4,
    'resource.service.name=database': 0.3,
    'resource.service.name=frontend': 0.8,
    'resource.service.name=user-service': 0.6,
  },
  // The error spans of `{ status = error }` above: three in the refused request, seven when locked.
  // An unlabelled series is named by its function, as Tempo names it.
  '{ status = error } | count_over_time()': { '__name__=count_over_time': 10 },
};

const METRICS_WINDOW = { start: GUIDE_START_NS, end: GUIDE_START_NS + 10_000_000_000n };

/** The TraceQL in the README's CLI lines: `tracelens parse|explain|query ... '<query>'`. */
function readmeQueries(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/tracelens (?:parse|explain|query)[^'\n]*'([^'\n]+)'/g)].map((m) => m[1]);
}

function run(query: string): Found {
  const parsed = parseTraceQL(query);
  if (!parsed.ok) {
    throw new Error(`${query} does not parse: ${parsed.error.message} at ${parsed.error.line}:${parsed.error.column}`);
  }
  const found: Found = {};
  for (const trace of traces) {
    const r = evaluateTrace(parsed.value, trace);
    if (!r.ok) {
      throw r.error;
    }
    const sets = r.spansets.map((ss) => ss.spans.map((s) => s.spanId.slice(-4))).filter((ids) => ids.length > 0);
    if (sets.length > 0) {
      found[trace.traceId.replace(/^0{16}/, '').slice(0, 6)] = sets;
    }
  }
  return found;
}

function runMetrics(query: string): Record<string, number> {
  const parsed = parseTraceQL(query);
  if (!parsed.ok || !isMetricsQuery(parsed.value)) {
    throw new Error(`${query} is not a metrics query that parses`);
  }
  const r = evaluateMetricsInstant(parsed.value, traces, METRICS_WINDOW);
  if (!r.ok) {
    throw r.error;
  }
  const values: Record<string, number> = {};
  for (const s of r.response.series) {
    const key = s.labels.map((l) => `${l.key}=${Object.values(l.value)[0]}`).join(',');
    values[key] = Number(s.value.toFixed(9));
  }
  return values;
}

describe('examples the app and the README show', () => {
  const shown = [...GUIDE_EXAMPLES.map((e) => e.query), ...readmeQueries()];

  it('finds the README examples and gives every shown query a documented result', () => {
    expect(readmeQueries().length).toBeGreaterThanOrEqual(4);
    expect(shown.filter((q) => !(q in EXPECTED) && !(q in METRICS_EXPECTED))).toEqual([]);
  });

  it.each(shown.filter((q) => q in EXPECTED))('%s finds what its description says on the guide traces', (query) => {
    expect(run(query)).toEqual(EXPECTED[query]);
  });

  it.each(shown.filter((q) => q in METRICS_EXPECTED))('%s gives its documented values on the guide traces', (query) => {
    expect(runMetrics(query)).toEqual(METRICS_EXPECTED[query]);
  });

  it('has a title and a description for every app example', () => {
    for (const e of GUIDE_EXAMPLES) {
      expect(e.title.trim()).not.toBe('');
      expect(e.description.trim().length).toBeGreaterThan(20);
    }
  });
});
