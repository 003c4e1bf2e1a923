/**
 * Engine throughput as ratios against a baseline measured in the same run: a plain loop that reads
 * one attribute of every span (the least any filter must do). Figures: spans/second for a filter, a
 * structural and an aggregate query over 1M spans (10k traces of 100 spans), and a structural
 * query over one 100k-span trace.
 */
import { compileSearch, indexTrace } from '../src/core/engine';
import type { AttributeMap, InstrumentationScope, Resource, Span, Trace } from '../src/core/model/types';
import { parseTraceQL } from '../src/core/traceql';

const SERVICES = 20;
const resources: Resource[] = Array.from({ length: SERVICES }, (_v, i) => ({
  serviceName: `svc-${i}`,
  attributes: { 'service.name': `svc-${i}` },
}));
const scope: InstrumentationScope = { name: 'bench', version: '1', attributes: {} };
// A pool of attribute maps keeps a million spans within a modest heap.
const attributePool: AttributeMap[] = Array.from({ length: 64 }, (_v, i) => ({
  'http.status_code': [200, 200, 200, 201, 404, 500, 503][i % 7],
  'http.method': i % 3 === 0 ? 'POST' : 'GET',
}));

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticTrace(seq: number, spans: number, rnd: () => number): Trace {
  const traceId = seq.toString(16).padStart(32, '0');
  const out: Span[] = [];
  for (let i = 0; i < spans; i++) {
    // Parent chosen among recent spans: bushy near the top, deep chains further down.
    const parent = i === 0 ? -1 : Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 8)));
    out.push({
      traceId,
      spanId: (seq * 1_000_003 + i + 1).toString(16).padStart(16, '0'),
      parentSpanId: parent < 0 ? '' : (seq * 1_000_003 + parent + 1).toString(16).padStart(16, '0'),
      name: `op-${i % 50}`,
      kind: i === 0 ? 'server' : 'internal',
      statusCode: rnd() < 0.05 ? 'error' : 'unset',
      statusMessage: '',
      startTimeUnixNano: 1_704_067_200_000_000_000n + BigInt(seq) * 1_000_000n + BigInt(i),
      durationNanos: 1000 + Math.floor(rnd() * 50_000_000),
      attributes: attributePool[Math.floor(rnd() * attributePool.length)],
      resource: resources[Math.floor(rnd() * SERVICES)],
      scope,
      events: [],
      links: [],
      traceState: '',
    });
  }
  return { traceId, spans: out, warnings: [] };
}

function time(fn: () => number): { ms: number; result: number } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** Best of a few runs: the machine is shared, and the minimum is the least disturbed figure. */
function best(runs: number, fn: () => number): { ms: number; result: number } {
  let b = time(fn);
  for (let i = 1; i < runs; i++) {
    const r = time(fn);
    if (r.ms < b.ms) {
      b = r;
    }
  }
  return b;
}

function readOneAttribute(traces: readonly Trace[]): number {
  let n = 0;
  for (const t of traces) {
    for (const s of t.spans) {
      if (s.attributes['http.status_code'] === 500) {
        n++;
      }
    }
  }
  return n;
}

function evaluator(query: string): (traces: readonly Trace[]) => number {
  const parsed = parseTraceQL(query);
  if (!parsed.ok) {
    throw new Error(`bench query does not parse: ${parsed.error.message}`);
  }
  const compiled = compileSearch(parsed.value);
  if (!compiled.ok) {
    throw compiled.error;
  }
  const q = compiled.query;
  return (traces) => {
    let matched = 0;
    for (const t of traces) {
      const r = q.evaluateIndexed(indexTrace(t));
      if (!r.ok) {
        throw r.error;
      }
      for (const ss of r.spansets) {
        matched += ss.spans.length;
      }
    }
    return matched;
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function bench(): Promise<string[]> {
  const lines: string[] = [];
  const rnd = lcg(42);
  const traces = Array.from({ length: 10_000 }, (_v, i) => syntheticTrace(i + 1, 100, rnd));
  const total = traces.length * 100;

  // Structure (id map, parents, nested sets) is built lazily; force it here to measure it apart.
  const indexing = time(() => traces.reduce((n, t) => n + indexTrace(t).left.length, 0));
  const baseline = best(3, () => readOneAttribute(traces));
  const baseRate = total / (baseline.ms / 1000);
  lines.push(
    `engine: ${fmt(total)} spans in ${traces.length} traces; baseline (loop reading one attribute): ${fmt(baseRate)} spans/s`
  );
  lines.push(
    `engine: per-trace structure (id map, parents, nested sets; built once, cached, excluded below): ${(total / (indexing.ms / 1000) / baseRate).toFixed(3)}x baseline speed`
  );

  const queries: Array<[string, string]> = [
    ['filter', '{ span.http.status_code >= 500 && span.http.method = "GET" }'],
    ['structural', '{ resource.service.name = "svc-1" } >> { status = error }'],
    ['aggregate', '{ span.http.status_code >= 500 } | by(resource.service.name) | avg(duration) > 10ms'],
  ];
  for (const [label, q] of queries) {
    const run = evaluator(q);
    const r = best(3, () => run(traces));
    const rate = total / (r.ms / 1000);
    lines.push(
      `engine: ${label} \`${q}\` on 1M spans: ${fmt(rate)} spans/s = ${(rate / baseRate).toFixed(3)}x baseline (${fmt(r.result)} spans returned)`
    );
  }

  const big = [syntheticTrace(99_999, 100_000, lcg(7))];
  const bigBase = best(3, () => readOneAttribute(big));
  const bigIndex = time(() => indexTrace(big[0]).left.length);
  const structural = evaluator('{} >> { status = error }');
  const bigRun = best(3, () => structural(big));
  const bigBaseRate = 100_000 / (bigBase.ms / 1000);
  const bigRate = 100_000 / (bigRun.ms / 1000);
  lines.push(
    `engine: 100k-span trace \`{} >> { status = error }\`: ${fmt(bigRate)} spans/s = ${(bigRate / bigBaseRate).toFixed(3)}x baseline ` +
      `(${fmt(bigRun.result)} spans returned; index build ${(100_000 / (bigIndex.ms / 1000) / bigBaseRate).toFixed(3)}x baseline speed)`
  );
  return lines;
}
