import { errorMessage } from '../../errors';
import type { Backend, SamplingStrategy } from '../../backends';
import { mapBounded, type Notice, type Window } from '../../query';
import type { Completeness } from '../../scan';
import { SamplingFold, type JaegerStrategy, type ServiceSampling } from '../sampling';
import { scanMatching, type WindowRunOptions } from './scanMatching';

export interface SamplingRun {
  readonly rows: ServiceSampling[];
  readonly windowSeconds: number;
  /** Whether every trace in the window was read: when not, stored and estimated counts are lower bounds. */
  readonly completeness: Completeness;
  readonly notices: readonly Notice[];
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

export interface SamplingRunOptions extends WindowRunOptions {
  /** TraceQL narrowing which traces count (default `{}`: every trace in the window). */
  readonly query?: string;
  readonly byOperation?: boolean;
  /** Ask the backend for each root service's sampling strategy, where it serves them (default true). */
  readonly useStrategies?: boolean;
}

/**
 * Reads every trace in the window the query matches (a complete window scan, see scanMatching),
 * folds each into per-deployment sampling sums, then asks the backend's sampling endpoint (when it
 * has one) for the strategy of each service whose roots do not say their sampler, and estimates.
 * A strategy that cannot be fetched is a notice, not a failure: the estimate then rests on what
 * the spans themselves say.
 */
export async function runSampling(
  backend: Pick<Backend, 'scan' | 'features' | 'label' | 'samplingStrategy'>,
  window: Window,
  opts: SamplingRunOptions = {}
): Promise<SamplingRun> {
  const query = opts.query?.trim() ? opts.query : '{}';
  const fold = new SamplingFold({ byOperation: opts.byOperation });
  const run = await scanMatching(backend, query, window, opts, (trace) => fold.add(trace));
  const notices: Notice[] = [...run.notices];
  const strategies = new Map<string, JaegerStrategy>();
  const sources = ['root spans (tracestate, sampler tags)'];
  const services = fold.silentServiceNames();
  if (opts.useStrategies !== false && backend.features.samplingStrategies && services.length > 0) {
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
  const rows = fold.rows({
    windowSeconds,
    bytesPerSpan: run.spansRead > 0 && run.completeness.bytes > 0 ? run.completeness.bytes / run.spansRead : null,
    strategies,
  });
  return { rows, windowSeconds, completeness: run.completeness, notices, sources };
}
