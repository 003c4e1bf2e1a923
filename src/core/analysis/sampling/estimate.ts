import type { Trace } from '../../model/types';
import type { JaegerStrategy, SamplerKind } from './sampler';
import { SamplingFold } from './samplingFold';

/** Per service (and optionally operation): what sampling kept and the traffic it stands for. */
export interface ServiceSampling {
  /** The service's identity: `namespace/name` when it has a `service.namespace`, else its name. */
  readonly service: string;
  /** `service.name` (what Jaeger's strategies are keyed by). */
  readonly serviceName?: string;
  readonly namespace?: string;
  readonly operation?: string;
  /** `telemetry.sdk.language` of the roots (comma-separated when several). */
  readonly sdk?: string;
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
  /** Stored traces whose root span failed (the request into the service failed). */
  readonly errorTraces: number;
  /**
   * Share of requests that failed, by the service graph's definition (calls whose callee span
   * failed; here the root span). Weighted by 1/p where every probability is known, so it estimates
   * the share among real requests.
   */
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

/** Sampling estimates for traces already in hand (see SamplingFold for the rules). */
export function estimateSampling(input: SamplingInput): ServiceSampling[] {
  const fold = new SamplingFold({ byOperation: input.byOperation });
  for (const t of input.traces) {
    fold.add(t);
  }
  return fold.rows({
    windowSeconds: input.windowSeconds,
    bytesFetched: input.bytesFetched,
    strategies: input.strategies,
  });
}
