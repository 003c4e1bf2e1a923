import type { AnyValue, InstantMetricsResponse, KeyValue } from '../../engine';
import { log2Quantile } from '../../engine/metrics/bucketize';
import type { ServiceMetrics, ServiceMetricsRow, ServiceMetricsSource } from './types';

const NAMESPACE = 'resource.service.namespace';
const NAME = 'resource.service.name';
const STATUS = 'status';
const BUCKET = '__bucket';
/** What OpenTelemetry SDKs call a service that set no name. */
const UNNAMED = 'unknown_service';

interface ServiceAcc {
  readonly service: string;
  readonly namespace?: string;
  requests: number;
  errors: number;
  /** Bucket bound (seconds for durations) → spans. */
  readonly buckets: Map<number, number>;
}

function labelValue(labels: readonly KeyValue[], key: string): AnyValue | undefined {
  return labels.find((l) => l.key === key)?.value;
}

/** A by() label as text, or undefined when the span had no such attribute (Tempo's nil). */
function labelText(labels: readonly KeyValue[], key: string): string | undefined {
  const v = labelValue(labels, key);
  if (v === undefined || !('stringValue' in v)) {
    return undefined;
  }
  return v.stringValue === '' || v.stringValue === 'nil' || v.stringValue === '<nil>' ? undefined : v.stringValue;
}

function labelNumber(labels: readonly KeyValue[], key: string): number | undefined {
  const v = labelValue(labels, key);
  const n =
    v === undefined
      ? NaN
      : 'doubleValue' in v
        ? v.doubleValue
        : 'intValue' in v
          ? Number(v.intValue)
          : 'stringValue' in v
            ? Number(v.stringValue)
            : NaN;
  return Number.isFinite(n) ? n : undefined;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * Per-service figures summed from answers to COUNTS_QUERY and HISTOGRAM_QUERY (queries.ts): one
 * answer each when the server ran them over the whole window, or one per trace when the engine
 * evaluates the window trace by trace. Keeps one small record per service, never spans.
 */
export class ServiceMetricsFold {
  private readonly services = new Map<string, ServiceAcc>();

  private acc(labels: readonly KeyValue[]): ServiceAcc {
    const service = labelText(labels, NAME) ?? UNNAMED;
    const namespace = labelText(labels, NAMESPACE);
    const id = namespace === undefined ? service : `${namespace}/${service}`;
    let a = this.services.get(id);
    if (a === undefined) {
      a = { service, ...(namespace !== undefined ? { namespace } : {}), requests: 0, errors: 0, buckets: new Map() };
      this.services.set(id, a);
    }
    return a;
  }

  /** Adds an answer to COUNTS_QUERY. */
  addCounts(response: InstantMetricsResponse): void {
    for (const s of response.series) {
      const a = this.acc(s.labels);
      a.requests += s.value;
      if (labelText(s.labels, STATUS) === 'error') {
        a.errors += s.value;
      }
    }
  }

  /** Adds an answer to HISTOGRAM_QUERY; a series without a numeric bucket bound is not a bucket. */
  addHistogram(response: InstantMetricsResponse): void {
    for (const s of response.series) {
      const bound = labelNumber(s.labels, BUCKET);
      if (bound !== undefined) {
        const b = this.acc(s.labels).buckets;
        b.set(bound, (b.get(bound) ?? 0) + s.value);
      }
    }
  }

  result(windowSeconds: number, source: ServiceMetricsSource): ServiceMetrics {
    const services: ServiceMetricsRow[] = [...this.services.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, a]) => {
        const buckets = [...a.buckets.entries()].sort(([x], [y]) => x - y).map(([max, count]) => ({ max, count }));
        // Duration buckets are bounded in seconds.
        const ms = (p: number) => finiteOrNull(log2Quantile(p, buckets) * 1000);
        return {
          id,
          service: a.service,
          ...(a.namespace !== undefined ? { namespace: a.namespace } : {}),
          requests: a.requests,
          errors: a.errors,
          requestRate: windowSeconds > 0 ? a.requests / windowSeconds : null,
          errorRate: a.requests > 0 ? a.errors / a.requests : 0,
          p50Ms: ms(0.5),
          p95Ms: ms(0.95),
          p99Ms: ms(0.99),
        };
      });
    return { windowSeconds, source, services };
  }
}
