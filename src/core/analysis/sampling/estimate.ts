import type { Span, Trace } from '../../model/types';
import { JaegerStrategy, SamplerInfo, SamplerKind, samplerOfRoot } from './sampler';

/** Per service (and optionally operation): what sampling kept and the traffic it stands for. */
export interface ServiceSampling {
  readonly service: string;
  readonly operation?: string;
  /** The sampler most roots report; 'unknown' or 'rate-limited' rows carry no estimate. */
  readonly sampler: SamplerKind;
  readonly samplerDetail: string;
  /** Configured probability (the sampler's own value; the harmonic mean when roots differ). */
  readonly probability: number | null;
  readonly storedTraces: number;
  readonly storedSpans: number;
  readonly spansPerTrace: number;
  readonly storedTracesPerSecond: number;
  readonly storedSpansPerSecond: number;
  readonly bytesPerSpan: number | null;
  /** Σ 1/p over stored roots (Horvitz–Thompson); null where it cannot honestly be estimated. */
  readonly estimatedRequests: number | null;
  readonly estimatedRequestsPerSecond: number | null;
  /** 95% interval for estimatedRequests. */
  readonly estimatedRequestsInterval: readonly [number, number] | null;
  /** Stored roots ÷ estimated requests. */
  readonly effectiveRate: number | null;
  readonly errorTraces: number;
  /** Share of stored traces with an error span (an unbiased estimate of the real error share). */
  readonly errorRate: number;
  /** Why an estimate is missing or partial. */
  readonly notes: readonly string[];
}

export interface SamplingInput {
  readonly traces: readonly Trace[];
  readonly windowSeconds: number;
  /** Response bytes the traces came in, to measure bytes per span. */
  readonly bytesFetched?: number;
  /** Jaeger strategies by service name. */
  readonly strategies?: ReadonlyMap<string, JaegerStrategy>;
  readonly byOperation?: boolean;
}

const Z95 = 1.959964;

export function rootOf(trace: Trace): Span | undefined {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  let root: Span | undefined;
  for (const s of trace.spans) {
    const isRoot = s.parentSpanId === '' || !ids.has(s.parentSpanId);
    if (isRoot && (!root || s.startTimeUnixNano < root.startTimeUnixNano)) {
      root = s;
    }
  }
  return root;
}

interface Group {
  service: string;
  operation?: string;
  samplers: SamplerInfo[];
  spans: number;
  errors: number;
}

function mostCommon(samplers: readonly SamplerInfo[]): SamplerInfo {
  const counts = new Map<SamplerKind, { n: number; first: SamplerInfo }>();
  for (const s of samplers) {
    const c = counts.get(s.kind);
    counts.set(s.kind, c ? { n: c.n + 1, first: c.first } : { n: 1, first: s });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0].first;
}

/**
 * Estimates per root service. Head sampling decides at the root, so a trace counts for the service
 * whose root span made the decision; its weight is 1/p. Variance of the Horvitz–Thompson total is
 * Σ (1 − p)/p², giving a normal 95% interval (never below what was stored).
 */
export function estimateSampling(input: SamplingInput): ServiceSampling[] {
  const groups = new Map<string, Group>();
  const window = Math.max(input.windowSeconds, 1e-9);
  const totalSpans = input.traces.reduce((n, t) => n + t.spans.length, 0);
  const bytesPerSpan = input.bytesFetched !== undefined && totalSpans > 0 ? input.bytesFetched / totalSpans : null;

  for (const trace of input.traces) {
    const root = rootOf(trace);
    if (!root) {
      continue;
    }
    const service = root.resource.serviceName;
    const key = input.byOperation ? `${service}\u0000${root.name}` : service;
    let g = groups.get(key);
    if (!g) {
      g = { service, operation: input.byOperation ? root.name : undefined, samplers: [], spans: 0, errors: 0 };
      groups.set(key, g);
    }
    g.samplers.push(samplerOfRoot(root, input.strategies?.get(service)));
    g.spans += trace.spans.length;
    if (trace.spans.some((s) => s.statusCode === 'error')) {
      g.errors++;
    }
  }

  const rows: ServiceSampling[] = [];
  for (const g of groups.values()) {
    const n = g.samplers.length;
    const main = mostCommon(g.samplers);
    const notes: string[] = [];
    const known = g.samplers.filter((s) => s.probability !== null);
    let estimated: number | null = null;
    let interval: readonly [number, number] | null = null;
    if (known.length === n) {
      let sum = 0;
      let variance = 0;
      for (const s of known) {
        const p = s.probability as number;
        sum += 1 / p;
        variance += (1 - p) / (p * p);
      }
      estimated = sum;
      const half = Z95 * Math.sqrt(variance);
      interval = [Math.max(n, sum - half), sum + half];
    } else if (g.samplers.some((s) => s.kind === 'rate-limited')) {
      notes.push(
        'Rate-limited sampling keeps a fixed number of traces per second: stored counts say nothing of real traffic.'
      );
    } else {
      notes.push(
        `${n - known.length} of ${n} traces carry no sampling probability (no tracestate threshold, sampler tags or Jaeger strategy).`
      );
    }
    const probability = known.length === n && n > 0 ? n / (estimated as number) : main.probability;
    rows.push({
      service: g.service,
      operation: g.operation,
      sampler: main.kind,
      samplerDetail: main.detail,
      probability,
      storedTraces: n,
      storedSpans: g.spans,
      spansPerTrace: n ? g.spans / n : 0,
      storedTracesPerSecond: n / window,
      storedSpansPerSecond: g.spans / window,
      bytesPerSpan,
      estimatedRequests: estimated,
      estimatedRequestsPerSecond: estimated === null ? null : estimated / window,
      estimatedRequestsInterval: interval,
      effectiveRate: estimated ? n / estimated : null,
      errorTraces: g.errors,
      errorRate: n ? g.errors / n : 0,
      notes,
    });
  }
  return rows.sort(
    (a, b) => a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? '')
  );
}
