import { getAttribute } from '../../model/attributes';
import type { Span, Trace } from '../../model/types';
import { serviceIdentity } from '../serviceGraph/graphFold';
import {
  evidenceOfRoot,
  strategyProbability,
  type JaegerStrategy,
  type SamplerInfo,
  type SamplerKind,
} from './sampler';
import type { ServiceSampling } from './estimate';

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

/** How many roots each sampler kind decided, with the first one's words and probability. */
type KindCounts = Map<SamplerKind, { n: number; detail: string; probability: number | null }>;

function countKind(kinds: KindCounts, info: SamplerInfo, n = 1): void {
  const k = kinds.get(info.kind);
  if (k) {
    k.n += n;
  } else {
    kinds.set(info.kind, { n, detail: info.detail, probability: info.probability });
  }
}

/** Σ over roots whose probability is known: what a Horvitz–Thompson estimate needs, in O(1) memory. */
class Weights {
  n = 0;
  /** Σ 1/p: the requests the roots stand for. */
  sum = 0;
  /** Σ (1 − p)/p²: the variance of that sum. */
  variance = 0;
  /** Σ 1/p over roots whose span failed. */
  failed = 0;

  add(p: number, failed: boolean, count = 1): void {
    this.n += count;
    this.sum += count / p;
    this.variance += (count * (1 - p)) / (p * p);
    if (failed) {
      this.failed += count / p;
    }
  }
}

interface Group {
  readonly id: string;
  readonly name: string;
  readonly namespace?: string;
  readonly operation?: string;
  readonly sdks: Set<string>;
  roots: number;
  rootErrors: number;
  spans: number;
  /** Roots whose own spans say their probability (tracestate threshold, sampler tags). */
  readonly known: Weights;
  /** Roots whose spans name a sampler without a usable probability (rate limiting, bad params). */
  readonly kinds: KindCounts;
  /** Roots that say nothing about their sampler, by root operation: a Jaeger strategy may apply. */
  readonly silent: Map<string, { n: number; errors: number }>;
  /** Why a tracestate could not be read, when one could not. */
  invalidTraceState?: string;
}

export interface SamplingRowsOptions {
  readonly windowSeconds: number;
  /** Response bytes the traces came in, to measure bytes per span. */
  readonly bytesFetched?: number;
  /** Bytes per span measured elsewhere (e.g. over every trace a scan read); wins over bytesFetched. */
  readonly bytesPerSpan?: number | null;
  /** Jaeger strategies by service name. */
  readonly strategies?: ReadonlyMap<string, JaegerStrategy>;
}

/**
 * Sampling per root service, folded one trace at a time (memory grows with services and root
 * operations, not traces). Head sampling decides at the root, so a trace counts for the service
 * whose root span made the decision, with weight 1/p.
 *
 * Where p comes from, per root: its own spans first (an exact tracestate threshold, Jaeger client
 * tags, a SampleRate attribute); otherwise the Jaeger strategy served for its service name. Jaeger
 * serves strategies by name only, so a strategy is used only when exactly one deployment
 * (service.namespace and service.name) of that name is in the window: when two are (HotROD's
 * `frontend`, which keeps everything, beside the demo's), nobody can tell which of them asked for
 * it, and neither borrows it. Otherwise p is unknown, and no estimate is made.
 *
 * Errors use the service graph's definition: a request failed when its callee span (here the root
 * span) has error status.
 */
export class SamplingFold {
  private readonly groups = new Map<string, Group>();
  private totalSpans = 0;

  constructor(private readonly opts: { readonly byOperation?: boolean } = {}) {}

  add(trace: Trace): void {
    const root = rootOf(trace);
    if (!root) {
      return;
    }
    const identity = serviceIdentity(root.resource);
    const key = this.opts.byOperation ? `${identity.id}\u0000${root.name}` : identity.id;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        id: identity.id,
        name: identity.name,
        namespace: identity.namespace,
        operation: this.opts.byOperation ? root.name : undefined,
        sdks: new Set(),
        roots: 0,
        rootErrors: 0,
        spans: 0,
        known: new Weights(),
        kinds: new Map(),
        silent: new Map(),
      };
      this.groups.set(key, g);
    }
    const sdk = getAttribute(root.resource.attributes, 'telemetry.sdk.language');
    if (typeof sdk === 'string' && sdk !== '' && g.sdks.size < 4) {
      g.sdks.add(sdk);
    }
    const failed = root.statusCode === 'error';
    g.roots++;
    g.spans += trace.spans.length;
    this.totalSpans += trace.spans.length;
    if (failed) {
      g.rootErrors++;
    }
    const evidence = evidenceOfRoot(root);
    if (evidence.kind === 'said') {
      countKind(g.kinds, evidence.info);
      if (evidence.info.probability !== null) {
        g.known.add(evidence.info.probability, failed);
      }
      return;
    }
    if (evidence.invalid !== undefined) {
      g.invalidTraceState ??= evidence.invalid;
    }
    const s = g.silent.get(root.name);
    if (s) {
      s.n++;
      s.errors += failed ? 1 : 0;
    } else {
      g.silent.set(root.name, { n: 1, errors: failed ? 1 : 0 });
    }
  }

  /** Service names whose roots say nothing of their sampler: the strategies worth asking for. */
  silentServiceNames(): string[] {
    const names = new Set<string>();
    for (const g of this.groups.values()) {
      if (g.silent.size > 0) {
        names.add(g.name);
      }
    }
    return [...names].sort();
  }

  rows(opts: SamplingRowsOptions): ServiceSampling[] {
    const window = Math.max(opts.windowSeconds, 1e-9);
    const bytesPerSpan =
      opts.bytesPerSpan !== undefined
        ? opts.bytesPerSpan
        : opts.bytesFetched !== undefined && opts.bytesFetched > 0 && this.totalSpans > 0
          ? opts.bytesFetched / this.totalSpans
          : null;
    const deployments = this.deploymentsByName();
    const rows: ServiceSampling[] = [];
    for (const g of this.groups.values()) {
      rows.push(this.row(g, opts.strategies?.get(g.name), deployments.get(g.name) ?? [], window, bytesPerSpan));
    }
    return rows.sort(
      (a, b) => a.service.localeCompare(b.service) || (a.operation ?? '').localeCompare(b.operation ?? '')
    );
  }

  private deploymentsByName(): Map<string, string[]> {
    const out = new Map<string, Set<string>>();
    for (const g of this.groups.values()) {
      const set = out.get(g.name) ?? new Set<string>();
      set.add(g.id);
      out.set(g.name, set);
    }
    return new Map([...out].map(([name, ids]) => [name, [...ids].sort()]));
  }

  private row(
    g: Group,
    strategy: JaegerStrategy | undefined,
    sameName: readonly string[],
    window: number,
    bytesPerSpan: number | null
  ): ServiceSampling {
    const known = new Weights();
    known.n = g.known.n;
    known.sum = g.known.sum;
    known.variance = g.known.variance;
    known.failed = g.known.failed;
    const kinds: KindCounts = new Map([...g.kinds].map(([k, v]) => [k, { ...v }]));
    const notes: string[] = [];
    const attributable = strategy !== undefined && sameName.length <= 1;
    for (const [operation, s] of g.silent) {
      const info: SamplerInfo = attributable
        ? strategyProbability(strategy as JaegerStrategy, operation)
        : {
            kind: 'unknown',
            probability: null,
            detail: g.invalidTraceState ?? 'no tracestate threshold, sampler tags or strategy',
          };
      countKind(kinds, info, s.n);
      if (info.probability !== null) {
        const ok = s.n - s.errors;
        if (ok > 0) {
          known.add(info.probability, false, ok);
        }
        if (s.errors > 0) {
          known.add(info.probability, true, s.errors);
        }
      }
    }
    if (strategy !== undefined && !attributable && g.silent.size > 0) {
      notes.push(
        `Jaeger serves one strategy for every service named "${g.name}", and ${sameName.length} deployments ` +
          `report that name (${sameName.join(', ')}): which of them asks Jaeger for it cannot be told, so it ` +
          'is used for none whose spans do not say their sampler.'
      );
    }
    const n = g.roots;
    let estimated: number | null = null;
    let interval: readonly [number, number] | null = null;
    if (n > 0 && known.n === n) {
      estimated = known.sum;
      const half = Z95 * Math.sqrt(known.variance);
      interval = [Math.max(n, known.sum - half), known.sum + half];
    } else if (kinds.has('rate-limited')) {
      notes.push(
        'Rate-limited sampling keeps a fixed number of traces per second: stored counts say nothing of real traffic.'
      );
    } else {
      notes.push(
        `${n - known.n} of ${n} traces carry no sampling probability (no tracestate threshold, sampler tags or Jaeger strategy).`
      );
    }
    const main = [...kinds.values()].sort((a, b) => b.n - a.n)[0];
    const mainKind = [...kinds].sort(([, a], [, b]) => b.n - a.n)[0]?.[0] ?? 'unknown';
    const sdk = [...g.sdks].sort().join(', ');
    return {
      service: g.id,
      serviceName: g.name,
      ...(g.namespace !== undefined ? { namespace: g.namespace } : {}),
      ...(g.operation !== undefined ? { operation: g.operation } : {}),
      ...(sdk ? { sdk } : {}),
      sampler: mainKind,
      samplerDetail: main?.detail ?? '',
      probability: estimated !== null && estimated > 0 ? n / estimated : (main?.probability ?? null),
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
      errorTraces: g.rootErrors,
      // Weighted where every weight is known, so the share is that of real requests, not of stored ones.
      errorRate: estimated !== null && estimated > 0 ? known.failed / estimated : n ? g.rootErrors / n : 0,
      notes,
    };
  }
}
