import { errorMessage } from '../../errors';
import type { Backend, SamplingStrategy } from '../../backends';
import type { Trace } from '../../model/types';
import { mapBounded, type Notice, type QueryStats, type Window } from '../../query';
import { estimateSampling, rootOf, type JaegerStrategy, type ServiceSampling } from '../sampling';

export interface SamplingRun {
  readonly rows: ServiceSampling[];
  readonly windowSeconds: number;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
  /** Where probabilities were read from. */
  readonly sources: readonly string[];
}

/** The backend client's normalized strategy, back in the wire shape the estimator understands. */
export function toJaegerStrategy(s: SamplingStrategy): JaegerStrategy {
  return {
    strategyType: s.strategyType,
    probabilisticSampling: s.samplingRate !== undefined ? { samplingRate: s.samplingRate } : undefined,
    rateLimitingSampling: s.maxTracesPerSecond !== undefined ? { maxTracesPerSecond: s.maxTracesPerSecond } : undefined,
    operationSampling:
      s.operations.length > 0
        ? {
            defaultSamplingProbability: s.samplingRate,
            perOperationStrategies: s.operations.map((o) => ({
              operation: o.operation,
              probabilisticSampling: { samplingRate: o.samplingRate },
            })),
          }
        : undefined,
  };
}

function rootServices(traces: readonly Trace[]): string[] {
  const services = new Set<string>();
  for (const t of traces) {
    const root = rootOf(t);
    if (root) {
      services.add(root.resource.serviceName);
    }
  }
  return [...services].sort();
}

export interface SamplingRunOptions {
  /** TraceQL narrowing which traces count (default `{}`: every trace in the window). */
  readonly query?: string;
  readonly byOperation?: boolean;
  /** Ask the backend for each root service's sampling strategy, where it serves them (default true). */
  readonly useStrategies?: boolean;
  /** Parallel strategy requests (default 4). */
  readonly maxConcurrency?: number;
}

/**
 * Fetches the traces in the window, asks the backend's sampling endpoint (when it has one)
 * for each root service's strategy, and estimates per service. A strategy that cannot be fetched
 * is a notice, not a failure: the estimate then rests on what the spans themselves say.
 */
export async function runSampling(
  backend: Backend,
  window: Window,
  opts: SamplingRunOptions = {}
): Promise<SamplingRun> {
  const query = opts.query?.trim() ? opts.query : '{}';
  const fetched = await backend.fetchTraces(query, window);
  const notices: Notice[] = [...fetched.notices];
  const strategies = new Map<string, JaegerStrategy>();
  const sources = ['root spans (tracestate, sampler tags)'];
  if (opts.useStrategies !== false && backend.features.samplingStrategies) {
    const services = rootServices(fetched.traces);
    const answers = await mapBounded(
      services,
      opts.maxConcurrency ?? 4,
      (service, signal) =>
        backend.samplingStrategy(service, signal).then(
          (strategy) => ({ service, strategy, error: undefined }),
          (e: unknown) => ({ service, strategy: undefined, error: errorMessage(e) })
        ),
      window.signal
    );
    const failures = answers.filter((a) => a.strategy === undefined).map((a) => `${a.service}: ${a.error}`);
    for (const a of answers) {
      if (a.strategy) {
        strategies.set(a.service, toJaegerStrategy(a.strategy));
      }
    }
    if (strategies.size > 0) {
      sources.push(`${backend.label} remote-sampling strategies`);
    }
    if (failures.length > 0 && failures.length === services.length) {
      notices.push({
        severity: 'info',
        text: `${backend.label} sampling strategies unavailable (${failures[0]}); probabilities come from the spans only.`,
      });
    } else if (failures.length > 0) {
      notices.push({
        severity: 'warning',
        text: `No sampling strategy for ${failures.length} services: ${failures.join('; ')}`,
      });
    }
  }
  const windowSeconds = Number(window.end - window.start) / 1e9;
  const rows = estimateSampling({
    traces: fetched.traces,
    windowSeconds,
    bytesFetched: fetched.stats.bytesFetched > 0 ? fetched.stats.bytesFetched : undefined,
    strategies,
    byOperation: opts.byOperation,
  });
  if (fetched.stats.bounded) {
    notices.push({
      severity: 'warning',
      text: `Only ${fetched.stats.tracesFetched} traces were fetched (the backend's search limit): stored and estimated counts cover those traces only. Shorten the time range or raise the search depth.`,
    });
  }
  return { rows, windowSeconds, notices, stats: fetched.stats, sources };
}
